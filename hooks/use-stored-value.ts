import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * A stored value, read once and then followed live. null until the first read (or change) arrives.
 * `load` and `watch` must be stable (module-level functions), since they are read once per mount. The read
 * starts as the component mounts, not a frame later: a page opening waits on it.
 */
export const useStoredValue = <T>(
  load: () => Promise<T>,
  watch: (onChange: (value: T) => void) => () => void,
): T | null => {
  const [value, setValue] = useState<T | null>(null);
  useLayoutEffect(() => {
    let active = true;
    // A change that arrives while the first read is under way is newer than what that read returns.
    let changed = false;
    load().then((loaded) => active && !changed && setValue(() => loaded));
    const unwatch = watch((next) => {
      changed = true;
      setValue(() => next);
    });
    return () => {
      active = false;
      unwatch();
    };
  }, [load, watch]);
  return value;
};
