/** A demo user of the sandbox (GET /demo/users), until authentication lands. */
export interface DemoUser {
  id: string;
  role: 'enterprise' | 'regulator' | 'verifier' | 'researcher';
  jurisdiction?: 'CQ' | 'SC';
  nameZh: string;
  nameEn: string;
}
