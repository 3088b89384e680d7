import type { IndustryConcepts } from './types.ts';

export const medicine: IndustryConcepts = {
  industry: '生物医药与医疗器械',
  fields: ['生物医药', '医疗器械', '医疗', '生物技术'],
  concepts: [
    {
      id: 'point-of-care',
      label: '即时检测',
      symptoms: ['出结果慢', '送检', '检验科', '急诊'],
      methods: ['即时检测', 'poct', '微流控', '化学发光', '免疫分析', '生物标志物', '快速诊断'],
    },
    {
      id: 'bioprocess',
      label: '生物工艺',
      symptoms: ['表达量低', '细胞密度', '发酵产量'],
      methods: ['细胞培养', 'cho细胞', '补料', '代谢', '发酵工艺', '培养基', '灌流', '菌种改造'],
    },
    {
      id: 'drug-formulation',
      label: '制剂',
      symptoms: ['溶解度差', '生物利用度', '稳定性差', '仿制药', '一致性评价'],
      methods: ['制剂', '缓释', '纳米制剂', '脂质体', '固体分散体', '递送', '包合'],
    },
    {
      id: 'antibiotic-alternatives',
      label: '抗生素替代',
      symptoms: ['耐药', '抗生素', '感染', '消毒'],
      methods: ['噬菌体', '抗菌肽', '抗菌材料', '溶菌酶', '中药提取物', '益生菌'],
    },
    {
      id: 'implants',
      label: '植入材料',
      symptoms: ['骨缺损', '植入物松动', '翻修', '骨结合', '假体'],
      methods: ['多孔钽', '钛合金', '骨整合', '生物活性', '植入', '生物材料', '骨修复', '可降解金属'],
    },
    {
      id: 'medical-imaging-ai',
      label: '医学影像智能诊断',
      symptoms: ['阅片', '漏诊', '误诊', '医生不足', '筛查'],
      methods: ['医学影像', '辅助诊断', '病灶分割', '影像组学', '图像重建'],
    },
    {
      id: 'rehabilitation',
      label: '康复与辅助',
      symptoms: ['康复', '偏瘫', '行动不便', '护理人员不足', '养老'],
      methods: ['康复机器人', '外骨骼', '脑机接口', '肌电', '步态'],
    },
    {
      id: 'herbal-quality',
      label: '中药质量',
      symptoms: ['中药材', '药材', '饮片', '有效成分含量', '道地'],
      methods: ['指纹图谱', '质量标志物', '中药', '炮制', '提取纯化'],
    },
  ],
};
