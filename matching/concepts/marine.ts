import type { IndustryConcepts } from './types.ts';

export const marine: IndustryConcepts = {
  industry: '船舶与海洋工程',
  fields: ['船舶', '海洋工程'],
  concepts: [
    {
      id: 'ship-efficiency',
      label: '船舶能效',
      symptoms: ['油钱', '省油', '开船', '租船', '租家', '散货船', '油耗', '燃油消耗', '碳强度', 'cii', '能效评级', '航速'],
      methods: [
        '浮态',
        '吃水差',
        '碳强度指标',
        '风浪流',
        '航行优化',
        '能效管理',
        '主机油耗',
        '航速优化',
        '纵倾优化',
        '气象导航',
        '营运能效',
        '航线优化',
        '减阻',
        '船型优化',
      ],
    },
    {
      id: 'biofouling',
      label: '海洋生物污损',
      symptoms: ['附着', '藤壶', '海生物', '船底污损', '生物污损'],
      methods: ['防污涂料', '防污', '低表面能', '污损释放', '空化射流', '清洗机器人'],
    },
    {
      id: 'offshore-corrosion',
      label: '海洋腐蚀',
      symptoms: ['海水腐蚀', '飞溅区'],
      methods: ['阴极保护', '腐蚀监测', '海洋钢结构', '桩基', '重防腐', '牺牲阳极'],
    },
    {
      id: 'subsea-inspection',
      label: '水下检测',
      symptoms: ['潜水员', '水下检查', '水下作业', '水下结构'],
      methods: ['水下机器人', 'rov', '声呐', '水下视觉', '水下定位', '水下通信'],
    },
    {
      id: 'ship-building',
      label: '船舶建造',
      symptoms: ['分段', '船体焊接', '涂装效率', '建造周期'],
      methods: ['船舶建造', '分段建造', '焊接机器人', '精度控制', '数字化造船'],
    },
    {
      id: 'offshore-wind-mooring',
      label: '海上平台与系泊',
      symptoms: ['海上风机', '系泊', '平台晃动', '海缆'],
      methods: ['系泊系统', '浮式', '动力响应', '海缆监测', '基础冲刷'],
    },
    {
      id: 'ballast-water',
      label: '压载水与船舶排放',
      symptoms: ['压载水', '船舶尾气', '船舶排放', '硫排放'],
      methods: ['压载水处理', '脱硫塔', '洗涤塔', 'lng动力', '甲醇燃料', '氨燃料'],
    },
  ],
};
