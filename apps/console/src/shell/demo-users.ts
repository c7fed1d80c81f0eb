/** A demo user of the sandbox (GET /demo/users), until authentication lands. */
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
