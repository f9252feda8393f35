/**
 * Masking per GB/T 35273 §7.2 practice: a mainland mobile number keeps its 3-digit carrier
 * prefix and last 4 digits (135****7162), enough for a user to recognise it on the phone and
 * too little to call it.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
