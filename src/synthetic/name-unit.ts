import type { UnitType } from "../criteria/types.js";
import type { Random } from "./random.js";

/** Common parts of Vietnamese place names (Hán-Việt words seen in thousands of xã and phường). */
const FIRST = [
  "Tân",
  "Phú",
  "An",
  "Bình",
  "Hòa",
  "Long",
  "Phước",
  "Thạnh",
  "Mỹ",
  "Vĩnh",
  "Đông",
  "Tây",
  "Nam",
  "Bắc",
  "Hưng",
  "Thuận",
  "Xuân",
  "Hiệp",
  "Quảng",
  "Đại",
  "Thanh",
  "Minh",
  "Trung",
  "Hải",
];
const SECOND = [
  "Hòa",
  "Lợi",
  "Thành",
  "Hưng",
  "Phú",
  "Bình",
  "An",
  "Đông",
  "Tây",
  "Mỹ",
  "Lộc",
  "Thạnh",
  "Khánh",
  "Hiệp",
  "Phước",
  "Long",
  "Thuận",
  "Sơn",
  "Hải",
  "Trung",
  "Điền",
  "Nghĩa",
  "Tiến",
  "Quang",
];
const ISLANDS = ["Côn Đảo", "Phú Quốc", "Vân Đồn", "Cô Tô", "Lý Sơn", "Bạch Long Vĩ", "Phú Quý", "Cồn Cỏ", "Kiên Hải", "Thổ Chu", "Cát Hải", "Trường Sa"];
const DEPARTMENTS = [
  "Nội vụ",
  "Tài chính",
  "Xây dựng",
  "Tư pháp",
  "Y tế",
  "Giáo dục và Đào tạo",
  "Công Thương",
  "Nông nghiệp và Môi trường",
  "Khoa học và Công nghệ",
  "Văn hóa, Thể thao và Du lịch",
  "Dân tộc và Tôn giáo",
  "Ngoại vụ",
];
const PREFIX: Record<UnitType, string> = {
  xa: "Xã",
  phuong: "Phường",
  "dac-khu": "Đặc khu",
  department: "Sở",
  huyen: "Huyện",
  "thi-xa": "Thị xã",
  "thanh-pho": "Thành phố",
  "thi-tran": "Thị trấn",
};

/**
 * A plausible name for a unit of the given type ("Xã Tân Hòa", "Phường 7", "Sở Tư pháp"),
 * avoiding names already in `used`; a number is appended once the plain names run out.
 */
export function nameUnit(type: UnitType, random: Random, used: ReadonlySet<string>): string {
  for (let attempt = 0; attempt < 12; attempt++) {
    const name = `${PREFIX[type]} ${baseName(type, random)}`;
    if (!used.has(name)) return name;
  }
  const base = `${PREFIX[type]} ${baseName(type, random)}`;
  let n = 2;
  while (used.has(`${base} ${n}`)) n++;
  return `${base} ${n}`;
}

function baseName(type: UnitType, random: Random): string {
  switch (type) {
    case "dac-khu":
      return random.pick(ISLANDS);
    case "department":
      return random.pick(DEPARTMENTS);
    case "phuong":
      return random.chance(0.25) ? String(random.int(1, 16)) : placeName(random);
    case "xa":
    case "huyen":
    case "thi-xa":
    case "thanh-pho":
    case "thi-tran":
      return placeName(random);
  }
}

function placeName(random: Random): string {
  const first = random.pick(FIRST);
  return `${first} ${random.pick(SECOND.filter((s) => s !== first))}`;
}
