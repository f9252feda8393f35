import { weighted } from '../random';

/** One of Guangzhou's eleven districts, with the places a local would name in an ad. */
export interface District {
  name: string;
  /** How people write it in a title: 天河, 番禺. */
  short: string;
  /** Metro stations in (or serving) the district. */
  stations: readonly string[];
  /** 街道 and 镇 names. */
  streets: readonly string[];
  /** Housing estates and 城中村 that show up in rental ads. */
  estates: readonly string[];
  /** Rent relative to a Baiyun baseline; the centre costs more, the outer districts less. */
  rentFactor: number;
  /** Asking price per square metre for a resale flat, in yuan. */
  salePerSqm: number;
}

export const DISTRICTS: readonly District[] = [
  {
    name: '天河区', short: '天河', rentFactor: 1.6, salePerSqm: 62000,
    stations: ['体育西路', '珠江新城', '岗顶', '石牌桥', '天河客运站', '五山', '车陂南', '员村', '棠下', '华师', '天河公园', '林和西'],
    streets: ['石牌街', '天河南街', '林和街', '棠下街', '车陂街', '员村街', '五山街', '沙河街', '猎德街'],
    estates: ['华景新城', '骏景花园', '汇景新城', '金碧领秀国际', '棠下村', '石牌东小区', '天河北侨林苑'],
  },
  {
    name: '越秀区', short: '越秀', rentFactor: 1.4, salePerSqm: 56000,
    stations: ['公园前', '北京路', '农讲所', '东山口', '越秀公园', '海珠广场', '小北', '淘金', '西门口', '区庄'],
    streets: ['北京街', '东山街', '农林街', '大塘街', '六榕街', '华乐街', '建设街', '黄花岗街'],
    estates: ['东湖新村', '建设新村', '淘金北小区', '华侨新村', '越秀新都会', '五羊新城'],
  },
  {
    name: '海珠区', short: '海珠', rentFactor: 1.3, salePerSqm: 46000,
    stations: ['客村', '江南西', '昌岗', '中大', '鹭江', '赤岗', '磨碟沙', '琶洲', '宝岗大道', '沙园'],
    streets: ['江南中街', '赤岗街', '新港街', '琶洲街', '南洲街', '凤阳街', '沙园街', '昌岗街'],
    estates: ['珠江帝景', '江南新苑', '保利红棉花园', '滨江花园', '金碧花园', '康乐村', '鹭江村'],
  },
  {
    name: '荔湾区', short: '荔湾', rentFactor: 1.1, salePerSqm: 38000,
    stations: ['陈家祠', '长寿路', '黄沙', '芳村', '花地湾', '坑口', '西村', '中山八', '鹤洞'],
    streets: ['逢源街', '多宝街', '沙面街', '白鹤洞街', '冲口街', '花地街', '西村街', '南源街'],
    estates: ['保利中航城', '芳和花园', '海龙湾', '广钢新城', '康王路小区', '山村'],
  },
  {
    name: '白云区', short: '白云', rentFactor: 1.0, salePerSqm: 35000,
    stations: ['嘉禾望岗', '同和', '京溪南方医院', '三元里', '白云大道北', '龙归', '人和', '江夏', '永泰', '梅花园'],
    streets: ['京溪街', '同和街', '三元里街', '松洲街', '景泰街', '新市街', '嘉禾街', '永平街', '棠景街'],
    estates: ['望岗村', '云景花园', '白云山庄', '保利香槟花园', '雅居乐御宾府', '永泰村', '金沙洲新社区'],
  },
  {
    name: '黄埔区', short: '黄埔', rentFactor: 1.0, salePerSqm: 36000,
    stations: ['科学城', '鱼珠', '大沙地', '香雪', '萝岗', '黄埔新港', '开创大道', '夏园'],
    streets: ['萝岗街', '黄埔街', '大沙街', '长岭街', '联和街', '夏港街', '红山街'],
    estates: ['保利香雪山', '万科城', '科学城人才公寓', '大沙地小区', '萝岗万达公寓', '东区村'],
  },
  {
    name: '番禺区', short: '番禺', rentFactor: 1.0, salePerSqm: 30000,
    stations: ['番禺广场', '市桥', '大石', '汉溪长隆', '厦滘', '南村万博', '员岗', '大学城南', '沙湾'],
    streets: ['市桥街', '大石街', '钟村街', '洛浦街', '小谷围街', '南村镇', '石壁街', '东环街'],
    estates: ['祈福新邨', '丽江花园', '星河湾', '洛溪新城', '华南碧桂园', '北亭村', '广州碧桂园'],
  },
  {
    name: '花都区', short: '花都', rentFactor: 0.7, salePerSqm: 16000,
    stations: ['花都广场', '花果山公园', '马鞍山公园', '花城路', '飞鹅岭', '莲塘'],
    streets: ['新华街', '新雅街', '秀全街', '狮岭镇', '花山镇', '花东镇'],
    estates: ['雅宝新城', '保利花城', '美林湖', '花都万达公寓', '狮岭新村'],
  },
  {
    name: '南沙区', short: '南沙', rentFactor: 0.75, salePerSqm: 21000,
    stations: ['金洲', '蕉门', '黄阁', '南沙客运港', '横沥', '东涌'],
    streets: ['南沙街', '珠江街', '黄阁镇', '东涌镇', '大岗镇', '横沥镇'],
    estates: ['时代南湾', '越秀滨海新城', '金洲村', '南沙碧桂园', '蕉门小区'],
  },
  {
    name: '从化区', short: '从化', rentFactor: 0.55, salePerSqm: 12000,
    stations: ['从化客运站', '东风', '太平', '神岗', '赤草'],
    streets: ['街口街', '江埔街', '城郊街', '温泉镇', '太平镇'],
    estates: ['荔园新村', '新城花园', '从化碧桂园', '太平镇新村'],
  },
  {
    name: '增城区', short: '增城', rentFactor: 0.65, salePerSqm: 15000,
    stations: ['增城广场', '新塘', '官湖', '朱村', '中新', '荔城'],
    streets: ['荔城街', '新塘镇', '永宁街', '增江街', '朱村街', '仙村镇'],
    estates: ['碧桂园凤凰城', '翡翠绿洲', '挂绿湖小区', '新塘万达公寓', '荔城新村'],
  },
];

/** Ad volume follows population: the old centre and the big residential districts dominate. */
const districtWeights: Record<string, number> = {
  天河区: 18, 越秀区: 10, 海珠区: 13, 荔湾区: 8, 白云区: 15, 黄埔区: 7,
  番禺区: 14, 花都区: 5, 南沙区: 3, 从化区: 2, 增城区: 5,
};

export const pickDistrict = weighted(DISTRICTS.map((d) => [d, districtWeights[d.name] ?? 1] as const));

/** Where in the district an ad is set: one station, one street, one estate, drawn once per listing. */
export interface Place {
  district: District;
  station: string;
  street: string;
  estate: string;
}
