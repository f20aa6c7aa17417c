/**
 * 部门预算支出经济分类 款 → 政府预算支出经济分类 款 (rulebook §2.3, X-B-08). A 机关 (行政 or 参公
 * unit) maps 301/302 款 to 501/502 款; a 事业单位 puts all of 301 under 50501 and all of 302 under
 * 50502. 303 maps the same way for both. Data: a correction here, not in code.
 */
export type Agency = 'administrative' | 'institution';

const ADMINISTRATIVE: Record<string, string[]> = {
  '50101': ['30101', '30102', '30103', '30107'],
  '50102': ['30108', '30109', '30110', '30111', '30112'],
  '50103': ['30113'],
  '50199': ['30106', '30114', '30199'],
  '50201': ['30201', '30202', '30204', '30205', '30206', '30207', '30208', '30209', '30211', '30214', '30228', '30229', '30239', '30240'],
  '50202': ['30215'],
  '50203': ['30216'],
  '50204': ['30218', '30224', '30225'],
  '50205': ['30203', '30226', '30227'],
  '50206': ['30217'],
  '50207': ['30212'],
  '50208': ['30231'],
  '50209': ['30213'],
  '50299': ['30299'],
};

const HOUSEHOLDS: Record<string, string[]> = {
  '50905': ['30301', '30302', '30303'],
  '50901': ['30304', '30305', '30306', '30307', '30309'],
  '50902': ['30308'],
  '50903': ['30310'],
  '50999': ['30399'],
};

/** The 部门 款 codes that make up one 政府 款, for the kind of unit; null when the table does not say. */
export function departmentCodesOf(governmentCode: string, agency: Agency): readonly string[] | null {
  if (governmentCode in HOUSEHOLDS) return HOUSEHOLDS[governmentCode]!;
  if (agency === 'administrative') return ADMINISTRATIVE[governmentCode] ?? null;
  if (governmentCode === '50501') return [...ADMINISTRATIVE['50101']!, ...ADMINISTRATIVE['50102']!, ...ADMINISTRATIVE['50103']!, ...ADMINISTRATIVE['50199']!];
  if (governmentCode === '50502') return Object.entries(ADMINISTRATIVE).filter(([code]) => code.startsWith('502')).flatMap(([, codes]) => codes);
  return null;
}

/** 501/502 codes say 机关, 505 codes say 事业单位; both (a department with both kinds of unit) say nothing. */
export function agencyOf(governmentCodes: Iterable<string>): Agency | null {
  let administrative = false;
  let institution = false;
  for (const code of governmentCodes) {
    if (/^50[12]/.test(code)) administrative = true;
    if (code.startsWith('505')) institution = true;
  }
  if (administrative === institution) return null;
  return administrative ? 'administrative' : 'institution';
}
