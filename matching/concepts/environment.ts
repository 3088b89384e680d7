import type { IndustryConcepts } from './types.ts';

export const environment: IndustryConcepts = {
  industry: '节能环保',
  fields: ['节能环保'],
  concepts: [
    {
      id: 'saline-wastewater',
      label: '高盐废水',
      symptoms: ['高盐', '含盐废水', '浓盐水', '零排放', '脱硫废水'],
      methods: ['零排放', '蒸发结晶', '旁路烟道蒸发', '高盐废液', '膜浓缩', '电渗析', '分盐'],
    },
    {
      id: 'wastewater-treatment',
      label: '废水处理',
      symptoms: ['废水', '污水', 'cod', '氨氮', '总氮', '出水超标', '难降解'],
      methods: ['生物处理', '高级氧化', '芬顿', '臭氧催化', '厌氧', '膜生物反应器', '脱氮', '厌氧氨氧化', '电催化'],
    },
    {
      id: 'sludge',
      label: '污泥处置',
      symptoms: ['污泥', '泥饼', '含水率高', '外运填埋', '脱水'],
      methods: ['污泥', '调理脱水', '热解', '炭化', '胞外聚合物', '干化', '资源化'],
    },
    {
      id: 'flue-gas',
      label: '烟气治理',
      symptoms: ['烟气', '氮氧化物', '二氧化硫', '超低排放', '脱硝', '脱硫', '白烟', '排放超标'],
      methods: ['选择性催化还原', 'scr', '脱硝催化剂', '湿法脱硫', '协同治理', '低温脱硝', '烟气净化'],
    },
    {
      id: 'voc-odour',
      label: 'VOCs与异味',
      symptoms: ['voc', 'vocs', '异味', '臭味', '有机废气', '扰民', '恶臭'],
      methods: ['催化燃烧', '蓄热燃烧', '吸附浓缩', '光催化', '生物滤池', '沸石转轮', '活性炭'],
    },
    {
      id: 'dust',
      label: '粉尘治理',
      symptoms: ['粉尘', '扬尘', '颗粒物', '除尘效率', '无组织排放'],
      methods: ['除尘', '布袋除尘', '静电除尘', '湿式电除尘', '抑尘', '喷雾降尘', '过滤材料'],
    },
    {
      id: 'solid-waste',
      label: '固废资源化',
      symptoms: ['固废', '堆存', '废渣', '尾矿', '粉煤灰', '建筑垃圾', '废塑料', '废旧'],
      methods: ['资源化', '综合利用', '建材化', '再生利用', '热解', '高值化', '协同处置', '回收'],
    },
    {
      id: 'soil-remediation',
      label: '污染土壤修复',
      symptoms: ['重金属污染', '污染场地', '土壤污染', '镉超标'],
      methods: ['土壤修复', '钝化', '植物修复', '淋洗', '固化稳定化', '原位修复'],
    },
    {
      id: 'carbon-emissions',
      label: '碳排放',
      symptoms: ['碳排放', '碳强度', '碳配额', '碳足迹', '减碳', '双碳'],
      methods: ['碳捕集', 'ccus', '碳核算', '低碳', '碳减排', '生命周期评价', '能效评估'],
    },
    {
      id: 'water-saving',
      label: '节水',
      symptoms: ['耗水大', '用水量', '水资源', '补水量'],
      methods: ['节水', '循环水', '水回用', '中水回用', '闭路循环'],
    },
  ],
};
