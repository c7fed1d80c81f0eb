/** Demo sign-in until authentication lands: each user is an account id and a role. */
export interface DemoUser {
  id: string;
  role: 'enterprise' | 'regulator' | 'researcher';
  nameZh: string;
  nameEn: string;
}

export const DEMO_USERS: DemoUser[] = [
  { id: 'cq-steel-001', role: 'enterprise', nameZh: '重庆钢铁一厂', nameEn: 'Chongqing Steel No. 1' },
  { id: 'cq-power-001', role: 'enterprise', nameZh: '重庆电力一厂', nameEn: 'Chongqing Power No. 1' },
  { id: 'sc-cement-001', role: 'enterprise', nameZh: '四川水泥一厂', nameEn: 'Sichuan Cement No. 1' },
  { id: 'sc-chem-001', role: 'enterprise', nameZh: '四川化工一厂', nameEn: 'Sichuan Chemicals No. 1' },
  {
    id: 'regulator-cq',
    role: 'regulator',
    nameZh: '重庆市生态环境局',
    nameEn: 'Chongqing Ecology and Environment Bureau',
  },
  {
    id: 'regulator-sc',
    role: 'regulator',
    nameZh: '四川省生态环境厅',
    nameEn: 'Sichuan Department of Ecology and Environment',
  },
  { id: 'researcher', role: 'researcher', nameZh: '研究人员', nameEn: 'Researcher' },
];
