/**
 * Hides the middle of a phone number the way Chinese services do (138****8000), so a notification on a
 * shared screen does not give the number away. Short or odd values keep at most their last four characters.
 */
export const maskPhone = (phone: string): string => {
  const value = phone.trim();
  if (value.length >= 11) return `${value.slice(0, 3)}****${value.slice(-4)}`;
  if (value.length > 4) return `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
  return '*'.repeat(value.length);
};

/** The last four digits, which is all that speech ever says of a phone. */
export const lastFourDigits = (phone: string): string => phone.replace(/\D/g, '').slice(-4);
