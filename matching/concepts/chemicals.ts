import type { IndustryConcepts } from './types.ts';

export const chemicals: IndustryConcepts = {
  industry: '化工',
  fields: ['化工'],
  concepts: [
    {
      id: 'catalyst',
      label: '催化剂',
      symptoms: ['催化剂失活', '催化剂寿命短', '选择性差', '收率低', '转化率低', '副产物多', '贵金属用量'],
      methods: ['催化剂', '催化', '分子筛', '活性位', '载体', '失活机理', '积碳', '非贵金属', '单原子'],
    },
    {
      id: 'separation',
      label: '分离提纯',
      symptoms: ['纯度不够', '分离困难', '精馏能耗', '产品纯度', '杂质多', '溶剂回收'],
      methods: ['精馏', '萃取', '膜分离', '吸附分离', '结晶', '热泵精馏', '分子蒸馏', '色谱'],
    },
    {
      id: 'crystallization-particles',
      label: '结晶与颗粒',
      symptoms: ['结块', '过滤慢', '溶出差异', '粒度不均', '批次间差异', '流动性差', '晶型'],
      methods: ['晶型', '结晶工艺', '粒度控制', '过程分析技术', '多晶型', '晶习', '共晶', '喷雾干燥'],
    },
    {
      id: 'reaction-safety',
      label: '反应安全',
      symptoms: ['飞温', '冲料', '反应失控', '放热剧烈', '间歇釜', '安全风险'],
      methods: ['微反应器', '连续流', '反应量热', '热失控', '本质安全', '过程强化', '管式反应器'],
    },
    {
      id: 'rubber-compounding',
      label: '橡胶配方',
      symptoms: ['滚阻', '滚动阻力', '湿滑', '生热', '耐磨里程', '标签等级'],
      methods: ['白炭黑', '硅烷偶联', '混炼', '填料分散', '橡胶', '炭黑', '硫化', '低滚阻'],
    },
    {
      id: 'polymer-processing',
      label: '高分子材料',
      symptoms: ['强度不够', '韧性差', '加工困难', '注塑缺陷', '收缩'],
      methods: ['聚合', '共混改性', '增韧', '高分子', '聚烯烃', '可降解', '聚乳酸', '工程塑料'],
    },
    {
      id: 'coatings-chemistry',
      label: '涂料',
      symptoms: ['涂料', 'voc含量', '油性漆', '干燥慢'],
      methods: ['水性涂料', '树脂', '固化', '紫外光固化', '粉末涂料', '乳液'],
    },
    {
      id: 'coal-chemistry',
      label: '煤化工',
      symptoms: ['气化炉', '煤焦油', '合成气', '废催化剂'],
      methods: ['煤气化', '费托合成', '甲醇', '加氢', '煤焦油', '合成气'],
    },
  ],
};
