// Firefox reads the blob after click() returns; a few seconds is plenty.
const REVOKE_AFTER_MS = 10_000;

/**
 * Saves text as a file through a temporary `<a download>`: works in every extension page without the
 * downloads permission. The object URL is released shortly after.
 */
export const downloadText = (text: string, fileName: string, type: string, doc: Document = document): void => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
};
