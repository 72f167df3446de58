// The rules a new password must meet, shared so that the console checks a form as it is typed
// with exactly the messages the API answers with.

/** NIST SP 800-63B: length over composition rules; a ceiling keeps argon2 input bounded. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** What is wrong with a new password, in Indonesian; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const length = Array.from(password).length;
  const problems: string[] = [];
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push(`Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter`);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push(`Kata sandi maksimal ${PASSWORD_MAX_LENGTH} karakter`);
  }
  if (username.length > 0 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('Kata sandi tidak boleh memuat nama pengguna');
  }
  if (length > 0 && new Set(password).size < 4) {
    problems.push('Kata sandi terlalu mudah ditebak');
  }

  return problems;
}
