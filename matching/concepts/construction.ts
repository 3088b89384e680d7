import type { IndustryConcepts } from './types.ts';

export const construction: IndustryConcepts = {
  industry: '建筑与基础设施',
  fields: ['建筑', '土木', '交通'],
  concepts: [
    {
      id: 'concrete-cracking',
      label: '混凝土开裂',
      symptoms: ['混凝土开裂', '渗水', '收缩裂缝', '冻融', '剥落', '钢筋锈蚀'],
      methods: ['混凝土', '外加剂', '水化热', '自修复', '纤维增强', '耐久性', '膨胀剂', '减缩'],
    },
    {
      id: 'structural-health',
      label: '结构健康监测',
      symptoms: ['桥梁', '隧道', '沉降', '变形', '坍塌', '结构安全', '边坡'],
      methods: ['结构健康监测', '变形监测', '光纤光栅', '位移监测', '有限元', '损伤识别', '北斗'],
    },
    {
      id: 'building-energy',
      label: '建筑节能',
      symptoms: ['空调能耗', '供暖', '室内温度', '建筑能耗', '外墙'],
      methods: ['建筑节能', '围护结构', '被动式', '地源热泵', '暖通空调', '楼宇自控'],
    },
    {
      id: 'prefabrication',
      label: '装配式建造',
      symptoms: ['工期长', '现场湿作业', '人工砌筑', '施工效率'],
      methods: ['装配式', '预制构件', '建筑信息模型', 'bim', '智能建造', '3d打印建筑'],
    },
    {
      id: 'waterproofing',
      label: '渗漏防水',
      symptoms: ['漏水', '渗漏', '返潮', '屋面漏', '地下室渗水'],
      methods: ['防水材料', '防水涂料', '防水卷材', '渗透结晶', '止水', '密封胶'],
    },
    {
      id: 'foundation-tunnel',
      label: '地基与隧道',
      symptoms: ['地基沉降', '软土', '塌方', '涌水', '盾构'],
      methods: ['地基处理', '注浆', '盾构', '超前地质预报', '围岩', '桩基'],
    },
  ],
};
