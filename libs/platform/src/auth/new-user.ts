import { PROVINCES, ROLES, type Principal, type Province, type Role } from '@app/domain';
import { z } from 'zod';

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/, 'must be 1–128 letters, digits, ".", "_", "@" or "-"');

/** What a user may do: its role and what the role carries. */
const accessFields = {
  role: z.enum(ROLES),
  province: z.enum(PROVINCES).optional(),
  memberId: id.optional(),
  accountIds: z.array(id).min(1).max(100).optional(),
};

interface Access {
  role: Role;
  province?: Province;
  memberId?: string;
  accountIds?: string[];
}

/** What a role carries must be given, what it does not must not. */
function checkRoleFields(user: Access, ctx: z.core.$RefinementCtx): void {
  const need = (field: 'province' | 'memberId') =>
    user[field] === undefined &&
    ctx.addIssue({ code: 'custom', path: [field], message: `is required for a ${user.role}` });
  const forbid = (field: 'province' | 'memberId' | 'accountIds') =>
    user[field] !== undefined &&
    ctx.addIssue({ code: 'custom', path: [field], message: `is not for a ${user.role}` });
  if (user.role === 'regulator') {
    need('province');
    forbid('memberId');
    forbid('accountIds');
  } else if (user.role === 'enterprise') need('memberId');
  else ['province', 'memberId', 'accountIds'].forEach((f) => forbid(f as 'province'));
}

/** `POST /auth/users`: a password user. */
const newUserSchema = z
  .strictObject({
    username: id,
    // As for ADMIN_PASSWORD: at least 12 characters.
    password: z.string().min(12).max(256),
    ...accessFields,
  })
  .superRefine(checkRoleFields);

/** `PUT /auth/users/:username`: a user's role and what it carries, replaced whole. */
const userAccessSchema = z.strictObject(accessFields).superRefine(checkRoleFields);

export type NewUser = z.infer<typeof newUserSchema>;

export type NewUserResult =
  { ok: true; principal: Principal; password: string } | { ok: false; field: string; message: string };

export type UserAccessResult =
  { ok: true; principal: Principal } | { ok: false; field: string; message: string };

function refusal(error: z.ZodError): { ok: false; field: string; message: string } {
  const issue = error.issues[0];
  const field = issue.code === 'unrecognized_keys' ? String(issue.keys[0]) : issue.path.join('.') || 'body';
  return { ok: false, field, message: `${field}: ${issue.message}` };
}

function principalOf(username: string, access: Access): Principal {
  const { role, province, memberId, accountIds } = access;
  return role === 'enterprise'
    ? {
        role,
        id: username,
        memberId: memberId!,
        // As in the demo, an enterprise with no accounts named holds the one of its member id.
        accountIds: accountIds ?? [memberId!],
        ...(province ? { province } : {}),
      }
    : role === 'regulator'
      ? { role, id: username, province: province! }
      : { role, id: username };
}

/** The principal and password of a valid body, or the first offending field. */
export function parseNewUser(body: unknown): NewUserResult {
  const parsed = newUserSchema.safeParse(body);
  if (!parsed.success) return refusal(parsed.error);
  const { username, password } = parsed.data;
  return { ok: true, principal: principalOf(username, parsed.data), password };
}

/** The principal `username` gets from a valid body, or the first offending field. */
export function parseUserAccess(username: string, body: unknown): UserAccessResult {
  const parsed = userAccessSchema.safeParse(body);
  if (!parsed.success) return refusal(parsed.error);
  return { ok: true, principal: principalOf(username, parsed.data) };
}
