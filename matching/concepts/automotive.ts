import type { IndustryConcepts } from './types.ts';

export const automotive: IndustryConcepts = {
  industry: '汽车',
  fields: ['汽车', '汽车电子'],
  concepts: [
    {
      id: 'autonomous-driving',
      label: '自动驾驶',
      symptoms: ['无人驾驶', '自动驾驶', '辅助驾驶', '碰撞', '障碍物', '刹停'],
      methods: ['环境感知', '目标检测', '路径规划', '决策规划', '多传感器融合', '定位', '车路协同'],
    },
    {
      id: 'nvh',
      label: '噪声振动',
      symptoms: ['车内噪声', '异响', '风噪', '抖动', '啸叫'],
      methods: ['nvh', '声学包', '主动降噪', '传递路径分析', '声学超材料', '隔声'],
    },
    {
      id: 'crash-safety',
      label: '碰撞安全',
      symptoms: ['碰撞成绩', '碰撞测试', '乘员保护', '侵入量'],
      methods: ['碰撞仿真', '吸能', '热成形', '差厚板', '高强钢', '结构优化'],
    },
    {
      id: 'electric-drive',
      label: '电驱动',
      symptoms: ['电机发热', '电机效率', '电驱', '退磁', '扭矩波动'],
      methods: ['永磁同步电机', '电机控制', '扁线电机', '油冷', '无稀土', '电机设计'],
    },
    {
      id: 'engine-emissions',
      label: '尾气排放',
      symptoms: ['尾气', '排放不达标', '国六', '颗粒物排放', '黑烟'],
      methods: ['后处理', '颗粒捕集器', '三元催化', '燃烧优化', '尿素', '选择性催化还原'],
    },
    {
      id: 'charging',
      label: '充电',
      symptoms: ['充电慢', '充电桩', '补能', '排队充电'],
      methods: ['快充', '超级快充', '无线充电', '换电', '充电策略'],
    },
    {
      id: 'vehicle-thermal',
      label: '整车热管理',
      symptoms: ['冬天续航', '空调耗电', '电池过热', '热管理'],
      methods: ['热泵空调', '热管理系统', '液冷', '冷板', '余热利用', '相变材料'],
    },
    {
      id: 'assembly-fastening',
      label: '装配紧固',
      symptoms: ['螺栓松动', '螺丝松', '拧紧', '垫片漏装', '螺纹拉坏', '装配质量', '漏装', '错装'],
      methods: ['拧紧曲线', '扭矩', '力矩', '转角', '紧固质量', '紧固过程', '扭矩转角', '防错'],
    },
  ],
};
