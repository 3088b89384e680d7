import type { IndustryConcepts } from './types.ts';

export const miningSafety: IndustryConcepts = {
  industry: '矿山与安全生产',
  fields: ['矿山机械', '安全生产', '安全'],
  concepts: [
    {
      id: 'mine-gas',
      label: '瓦斯',
      symptoms: ['瓦斯', '突出', '煤与瓦斯', '瓦斯超限'],
      methods: ['瓦斯抽采', '煤层增透', '突出预测', '水力压裂'],
    },
    {
      id: 'roof-stability',
      label: '顶板与围岩',
      symptoms: ['冒顶', '片帮', '巷道变形', '冲击地压', '顶板'],
      methods: ['围岩控制', '锚杆支护', '微震监测', '冲击地压', '支护设计'],
    },
    {
      id: 'mineral-processing',
      label: '选矿',
      symptoms: ['选矿', '回收率低', '精矿品位', '矿浆', '尾矿品位'],
      methods: ['浮选', '磁选', '磨矿', '分级', '浮选药剂', '选矿工艺'],
    },
    {
      id: 'conveyor',
      label: '输送设备',
      symptoms: ['皮带撕裂', '跑偏', '托辊', '输送带', '堵料'],
      methods: ['输送带', '撕裂检测', '托辊故障', '皮带巡检', '巡检机器人'],
    },
    {
      id: 'hazard-warning',
      label: '安全预警',
      symptoms: ['安全隐患', '事故', '泄漏', '火灾', '爆炸', '有毒气体', '有限空间'],
      methods: ['风险预警', '泄漏检测', '气体检测', '火灾探测', '安全监测', '隐患识别'],
    },
    {
      id: 'tailings-dam',
      label: '尾矿库',
      symptoms: ['尾矿库', '坝体', '溃坝', '尾矿堆存'],
      methods: ['尾矿库监测', '浸润线', '坝体稳定', '尾矿充填', '膏体充填'],
    },
    {
      id: 'mine-automation',
      label: '矿山智能化',
      symptoms: ['井下人多', '井下作业', '矿车', '下井'],
      methods: ['智能开采', '无人开采', '远程操控', '矿用机器人', '综采', '掘进'],
    },
  ],
};
