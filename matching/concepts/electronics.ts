import type { IndustryConcepts } from './types.ts';

export const electronics: IndustryConcepts = {
  industry: '电子与集成电路',
  fields: ['集成电路', '电子信息', '汽车电子'],
  concepts: [
    {
      id: 'packaging-reliability',
      label: '封装可靠性',
      symptoms: ['温度循环', '焊点失效', '分层', '翘曲', '功率模块', '热循环'],
      methods: ['电子封装', '封装', '烧结银', '热膨胀系数', '热膨胀匹配', '可靠性', '键合', '芯片贴装', '基板'],
    },
    {
      id: 'wafer-yield',
      label: '晶圆良率',
      symptoms: ['良率低', '晶圆', '颗粒污染', '缺陷密度', '光刻'],
      methods: ['晶圆缺陷', '良率分析', '光刻胶', '刻蚀', '化学机械抛光', '薄膜沉积', '清洗'],
    },
    {
      id: 'power-devices',
      label: '功率器件',
      symptoms: ['开关损耗', '逆变器效率', '电源体积大', '发热严重'],
      methods: ['碳化硅', '氮化镓', '功率器件', 'mosfet', 'igbt', '宽禁带', '驱动电路'],
    },
    {
      id: 'sensing',
      label: '传感器',
      symptoms: ['传感器漂移', '测不准', '进口传感器', '检测不到', '灵敏度低'],
      methods: ['传感器', 'mems', '柔性传感', '光纤传感', '气体传感', '敏感材料', '信号调理'],
    },
    {
      id: 'emc',
      label: '电磁兼容',
      symptoms: ['电磁干扰', '辐射超标', '串扰', '信号失真'],
      methods: ['电磁兼容', '屏蔽', '滤波', '电磁屏蔽材料', '吸波材料', '信号完整性'],
    },
    {
      id: 'chip-design',
      label: '芯片设计',
      symptoms: ['芯片进口', '卡脖子', '国产替代', '功耗高'],
      methods: ['芯片设计', 'asic', 'fpga', '低功耗', '模拟电路', '射频', '存算一体'],
    },
  ],
};
