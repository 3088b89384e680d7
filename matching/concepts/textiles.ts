import type { IndustryConcepts } from './types.ts';

export const textiles: IndustryConcepts = {
  industry: '纺织',
  fields: ['纺织'],
  concepts: [
    {
      id: 'fabric-defects',
      label: '织物疵点',
      symptoms: ['白布', '布匹', '跳纱', '缺纱', '少根纱', '窟窿', '织机', '坯布', '断经', '断纬', '破洞', '油污', '疵点', '布面', '验布'],
      methods: ['面料', '织纹', '织造', '纺织品', '织物瑕疵', '面料瑕疵', '织疵', '织物', '疵点检测', '纹理', '机织物', '布面缺陷', '低秩'],
    },
    {
      id: 'dyeing',
      label: '印染',
      symptoms: ['色差', '染色不匀', '用水量大', '印染废水', '色牢度', '染料浪费'],
      methods: ['染色', '印染', '无水染色', '超临界二氧化碳', '数码印花', '配色', '分散染料', '活性染料'],
    },
    {
      id: 'fiber-spinning',
      label: '纤维与纺纱',
      symptoms: ['断头', '毛羽', '纱线强力', '起毛起球', '条干不匀'],
      methods: ['纺纱', '纤维', '纺丝', '功能纤维', '静电纺丝', '再生纤维', '非织造'],
    },
    {
      id: 'functional-fabrics',
      label: '功能面料',
      symptoms: ['闷热', '不透气', '易起皱', '易燃', '有异味', '不抗菌'],
      methods: ['防水透湿', '阻燃', '抗菌整理', '功能整理', '吸湿排汗', '涂层织物', '智能纺织品'],
    },
  ],
};
