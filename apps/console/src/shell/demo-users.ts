/** A demo user of the sandbox (GET /demo/users); the console signs in as one (POST /auth/demo-sign-in). */
export interface DemoUser {
  id: string;
  role: 'enterprise' | 'regulator' | 'verifier' | 'researcher';
  jurisdiction?: 'CQ' | 'SC';
  sector?: string;
  /** tCO2 per year (enterprises). */
  baselineEmissions?: number;
  nameZh: string;
  nameEn: string;
}
