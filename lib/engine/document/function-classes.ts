/**
 * 支出功能分类 类 names (rulebook §2.1), with the names in force before 2019 that stale
 * templates still print. Data: add names here, not code.
 */
export const FUNCTION_CLASSES: Record<string, { name: string; oldNames?: string[] }> = {
  '201': { name: '一般公共服务' },
  '202': { name: '外交' },
  '203': { name: '国防' },
  '204': { name: '公共安全' },
  '205': { name: '教育' },
  '206': { name: '科学技术' },
  '207': { name: '文化旅游体育与传媒', oldNames: ['文化体育与传媒', '文化体育旅游与传媒'] },
  '208': { name: '社会保障和就业' },
  '209': { name: '社会保险基金支出' },
  '210': { name: '卫生健康', oldNames: ['医疗卫生与计划生育', '医疗卫生'] },
  '211': { name: '节能环保' },
  '212': { name: '城乡社区', oldNames: ['城乡社区事务'] },
  '213': { name: '农林水', oldNames: ['农林水事务'] },
  '214': { name: '交通运输' },
  '215': { name: '资源勘探工业信息等', oldNames: ['资源勘探信息等'] },
  '216': { name: '商业服务业等' },
  '217': { name: '金融' },
  '219': { name: '援助其他地区' },
  '220': { name: '自然资源海洋气象等', oldNames: ['国土海洋气象等'] },
  '221': { name: '住房保障' },
  '222': { name: '粮油物资储备' },
  '223': { name: '国有资本经营预算' },
  '224': { name: '灾害防治及应急管理' },
  '227': { name: '预备费' },
  '229': { name: '其他' },
  '230': { name: '转移性' },
  '231': { name: '债务还本' },
  '232': { name: '债务付息' },
  '233': { name: '债务发行费用' },
  '234': { name: '抗疫特别国债安排的' },
};

/** "医疗卫生与计划生育支出", "卫生健康支出", "卫生健康" → "210". */
const BY_NAME = new Map<string, string>();
for (const [code, entry] of Object.entries(FUNCTION_CLASSES)) {
  for (const name of [entry.name, ...(entry.oldNames ?? [])]) BY_NAME.set(name, code);
}

export function functionClassByName(name: string): string | null {
  return BY_NAME.get(name.replace(/支出$/, '')) ?? null;
}
