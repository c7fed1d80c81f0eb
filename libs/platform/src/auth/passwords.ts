import { argon2id, hash, verify } from 'argon2';

/** Password hashing with argon2id (the library's PHC string: `$argon2id$v=19$m=…,t=…,p=…$<salt>$<hash>`). */
export function hashSecret(secret: string): Promise<string> {
  return hash(secret, { type: argon2id });
}

/** Whether `secret` matches `stored`; false (never a throw) for a stored value that is no argon2 hash. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  try {
    return await verify(stored, secret);
  } catch {
    return false;
  }
}
