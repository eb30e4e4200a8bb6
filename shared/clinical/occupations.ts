/**
 * 职业: the occupation groups of the national infectious-disease report card (《传染病报告卡》人群分类),
 * which the 门诊日志 is kept for. No coded set ships with the program (../shared/data has none), so the
 * field is free text and these are offered as choices.
 */
export const OCCUPATION_CHOICES: ReadonlyArray<string> = [
  '幼托儿童',
  '散居儿童',
  '学生',
  '教师',
  '保育员及保姆',
  '餐饮食品业',
  '公共场所服务员',
  '商业服务',
  '医务人员',
  '工人',
  '民工',
  '农民',
  '牧民',
  '渔（船）民',
  '海员及长途驾驶员',
  '干部职员',
  '离退人员',
  '家务及待业',
  '其他',
  '不详',
];
