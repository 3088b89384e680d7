import type { IndustryConcepts } from './types.ts';

export const information: IndustryConcepts = {
  industry: '信息技术',
  fields: ['信息技术', '电子信息'],
  concepts: [
    {
      id: 'data-integration',
      label: '数据孤岛',
      symptoms: ['数据孤岛', '系统不互通', '数据分散', '报表', '信息化'],
      methods: ['工业互联网', '数据中台', '数据融合', '标识解析', '数据治理'],
    },
    {
      id: 'traceability',
      label: '质量追溯',
      symptoms: ['追溯', '溯源', '假冒', '窜货', '防伪'],
      methods: ['区块链', '溯源', '标识', '射频识别', 'rfid', '二维码'],
    },
    {
      id: 'cybersecurity',
      label: '网络安全',
      symptoms: ['病毒', '勒索', '数据泄露', '攻击', '网络安全'],
      methods: ['入侵检测', '加密', '隐私计算', '联邦学习', '安全防护', '可信计算'],
    },
    {
      id: 'positioning',
      label: '定位导航',
      symptoms: ['找不到', '人员位置', '定位不准', '信号遮挡'],
      methods: ['定位', 'uwb', '北斗', '惯性导航', '室内定位', 'slam'],
    },
    {
      id: 'knowledge-qa',
      label: '知识问答',
      symptoms: ['查资料', '问不到人', '经验传承', '老师傅退休', '知识流失'],
      methods: ['知识图谱', '大语言模型', '问答系统', '检索增强', '专家系统', '知识库'],
    },
    {
      id: 'digital-twin',
      label: '数字孪生',
      symptoms: ['看不到现场', '黑箱', '全凭经验'],
      methods: ['数字孪生', '仿真建模', '虚实映射', '可视化', '三维建模'],
    },
  ],
};
