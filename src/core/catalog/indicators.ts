import type { Bilingual, Direction, Indicator, RatePart, TimeAggregation } from "./types";

/*
 * The indicator catalog: one entry per indicator, with exactly the codes of shared/INDICATORS.md.
 * Names and units are quoted from the seeds (shared/seeds); where a seed leaves a definition open,
 * the numerator and denominator are the usual statistical ones. Definitions and sources are printed
 * on each template's guide sheet for the person who fills it: they say what to count and which
 * document asks for it, by its real name, and nothing about how this catalog was made.
 * This is the one place to change an indicator.
 */

const PERCENT: Bilingual = { vi: "%", en: "%" };

const t = (vi: string, en: string): Bilingual => ({ vi, en });

const part = (vi: string, en: string, unitVi: string, unitEn: string, integer: boolean): RatePart => ({
  label: t(vi, en),
  unit: t(unitVi, unitEn),
  integer,
});

const households = (vi: string, en: string): RatePart => part(vi, en, "hộ", "households", true);
const persons = (vi: string, en: string): RatePart => part(vi, en, "người", "persons", true);
const things = (vi: string, en: string, unitVi: string, unitEn: string): RatePart =>
  part(vi, en, unitVi, unitEn, true);

interface RateSpec {
  code: string;
  name: Bilingual;
  numerator: RatePart;
  denominator: RatePart;
  time?: TimeAggregation;
  direction?: Direction;
  definition: Bilingual;
  source: string;
  decimals?: number;
  aboveMax?: "error" | "warning";
  extra?: Partial<Indicator>;
}

function rate(spec: RateSpec): Indicator {
  return {
    code: spec.code,
    name: spec.name,
    unit: PERCENT,
    kind: "rate",
    numerator: spec.numerator,
    denominator: spec.denominator,
    time: spec.time ?? "last",
    direction: spec.direction ?? "higher",
    range: { min: 0, max: 100, aboveMax: spec.aboveMax ?? "error" },
    integer: false,
    decimals: spec.decimals ?? 2,
    definition: spec.definition,
    source: spec.source,
    ...spec.extra,
  };
}

interface NumberSpec {
  code: string;
  name: Bilingual;
  unit: Bilingual;
  kind: "count" | "amount";
  time: TimeAggregation;
  direction?: Direction;
  definition: Bilingual;
  source: string;
  decimals?: number;
}

function quantity(spec: NumberSpec): Indicator {
  const integer = spec.kind === "count";
  return {
    code: spec.code,
    name: spec.name,
    unit: spec.unit,
    kind: spec.kind,
    time: spec.time,
    direction: spec.direction ?? "higher",
    range: { min: 0 },
    integer,
    decimals: spec.decimals ?? (integer ? 0 : 1),
    definition: spec.definition,
    source: spec.source,
  };
}

/* Each commune adopts its own 2026–2030 plan (seed 003 is one: Mường Lèo's); a commune's template cites its own. */
const SEED_003 = "Nghị quyết của HĐND xã về Kế hoạch phát triển kinh tế - xã hội giai đoạn 2026 - 2030";
const SEED_001 = "Kế hoạch 140/KH-UBND của UBND tỉnh Tuyên Quang (Đề án 1219)"; // seed 001
const SEED_000_002 =
  "Ủy ban MTTQ Việt Nam tỉnh Sơn La: chương trình phối hợp khu vực biên giới Việt – Lào 2026–2028 và chương trình hành động 2026–2031"; // seeds 000, 002
const SEED_004 = "Kết nghĩa cụm dân cư hai bên biên giới Hà Tĩnh – Bolikhamxay, Khammouane"; // seed 004

export const INDICATORS: readonly Indicator[] = [
  // ── ktxh-xa, A. Kinh tế ────────────────────────────────────────────────────────────────
  quantity({
    code: "THU_NS",
    name: t("Thu ngân sách trên địa bàn", "State budget revenue collected in the area"),
    unit: t("triệu đồng", "million VND"),
    kind: "amount",
    time: "sum",
    definition: t(
      "Tổng thu ngân sách nhà nước trên địa bàn xã trong kỳ, theo số liệu kho bạc.",
      "Total state budget revenue collected in the commune during the period, as the treasury records it.",
    ),
    source: SEED_003,
  }),
  quantity({
    code: "SL_LUONG_THUC",
    name: t("Sản lượng cây lương thực có hạt", "Cereal (grain) output"),
    unit: t("tấn", "tonnes"),
    kind: "amount",
    time: "sum",
    definition: t(
      "Sản lượng lúa, ngô và cây lương thực có hạt khác thu hoạch trong kỳ.",
      "Output of rice, maize and other cereals harvested during the period.",
    ),
    source: SEED_003,
  }),
  quantity({
    code: "DAN_GIA_SUC",
    name: t("Số lượng đàn gia súc", "Livestock herd"),
    unit: t("con", "head"),
    kind: "count",
    time: "last",
    definition: t(
      "Tổng đàn trâu, bò, ngựa, dê, lợn hiện có tại thời điểm cuối kỳ.",
      "Buffalo, cattle, horses, goats and pigs held at the end of the period.",
    ),
    source: SEED_003,
  }),
  rate({
    code: "LD_DAO_TAO",
    name: t("Tỷ lệ lao động qua đào tạo", "Trained labour rate"),
    numerator: persons("Số lao động đã qua đào tạo", "Trained workers"),
    denominator: persons("Tổng số lao động", "Workers"),
    definition: t(
      "Nghị định 97/2016/NĐ-CP: lao động được đào tạo từ 3 tháng trở lên có bằng, chứng chỉ, hoặc đã học nghề có kỹ năng tương đương và làm nghề từ 3 năm trở lên ÷ lực lượng lao động.",
      "Decree 97/2016/NĐ-CP: workers trained 3 months or more with a diploma or certificate, or who learnt a trade with equivalent skill and have practised it 3 years or more ÷ labour force.",
    ),
    source: `${SEED_003}; Nghị định 97/2016/NĐ-CP`,
  }),
  quantity({
    code: "XKLD",
    name: t(
      "Số lao động đi làm việc ở nước ngoài (xuất khẩu lao động)",
      "Workers sent abroad under contract",
    ),
    unit: t("người", "persons"),
    kind: "count",
    time: "sum",
    definition: t(
      "Số người đi làm việc ở nước ngoài theo hợp đồng trong kỳ.",
      "Persons who left to work abroad under contract during the period.",
    ),
    source: SEED_003,
  }),
  rate({
    code: "CHE_PHU_RUNG",
    name: t("Tỷ lệ che phủ rừng", "Forest cover rate"),
    numerator: part(
      "Diện tích rừng đủ tiêu chí che phủ",
      "Forest area meeting the cover criteria",
      "ha",
      "ha",
      false,
    ),
    denominator: part("Diện tích đất tự nhiên", "Natural land area", "ha", "ha", false),
    definition: t(
      "Diện tích rừng đủ tiêu chí tính độ che phủ (không tính rừng trồng chưa thành rừng) ÷ diện tích đất tự nhiên.",
      "Forest area meeting the cover criteria (young plantations not yet qualifying excluded) ÷ natural land area.",
    ),
    source: SEED_003,
  }),
  // ── ktxh-xa, B. Xã hội, môi trường ────────────────────────────────────────────────────
  rate({
    code: "TRUONG_CHUAN",
    name: t("Tỷ lệ trường học đạt chuẩn quốc gia", "Schools meeting the national standard"),
    numerator: things("Số trường đạt chuẩn quốc gia", "Standard schools", "trường", "schools"),
    denominator: things("Tổng số trường", "Schools", "trường", "schools"),
    definition: t(
      "Số trường đạt chuẩn quốc gia ÷ tổng số trường trên địa bàn.",
      "Schools meeting the national standard ÷ schools in the area.",
    ),
    source: SEED_003,
  }),
  rate({
    code: "HO_NGHEO",
    name: t("Tỷ lệ hộ nghèo theo chuẩn đa chiều", "Multidimensional poor-household rate"),
    numerator: households("Số hộ nghèo", "Poor households"),
    denominator: households("Tổng số hộ dân cư", "Resident households"),
    direction: "lower",
    definition: t(
      "Hộ nghèo theo chuẩn nghèo đa chiều (Nghị định 07/2021/NĐ-CP: thu nhập và thiếu hụt từ 3/12 chỉ số) ÷ tổng số hộ dân cư. Chuẩn này áp dụng đến 31/12/2026; từ 2027 Nghị định 351/2025/NĐ-CP nâng chuẩn thu nhập (2,2 / 2,8 triệu đồng/tháng), chuỗi số liệu bị gián đoạn. Không gộp hộ cận nghèo.",
      "Poor households under the multidimensional standard (Decree 07/2021/NĐ-CP: income and at least 3 of 12 deprivations) ÷ resident households. That standard runs to 31/12/2026; from 2027 Decree 351/2025/NĐ-CP raises the income lines (2.2 / 2.8 million VND a month), so the series breaks. Near-poor households are kept apart.",
    ),
    source: `${SEED_003}; chuẩn nghèo: Nghị định 07/2021/NĐ-CP (đến hết năm 2026), Nghị định 351/2025/NĐ-CP (từ năm 2027)`,
    extra: {
      seriesBreak: {
        fromYear: 2027,
        note: t(
          "Từ năm 2027 áp dụng chuẩn nghèo mới (Nghị định 351/2025/NĐ-CP)",
          "From 2027 the new poverty standard applies (Decree 351/2025/NĐ-CP)",
        ),
      },
    },
  }),
  rate({
    code: "BHYT",
    name: t("Tỷ lệ dân số tham gia bảo hiểm y tế", "Health-insurance coverage"),
    numerator: persons("Số người có thẻ BHYT còn hạn", "Persons with a valid card"),
    denominator: persons("Dân số", "Population"),
    aboveMax: "warning",
    definition: t(
      "Số thẻ BHYT còn giá trị ÷ dân số cùng thời điểm. Có thể vượt 100 % khi thẻ đăng ký theo nơi làm việc: cảnh báo, không loại.",
      "Valid health-insurance cards ÷ population at the same date. May exceed 100 % when cards are registered by workplace: warned, not rejected.",
    ),
    source: SEED_003,
  }),
  {
    code: "NTM_TIEU_CHI",
    name: t("Số tiêu chí xã đạt chuẩn nông thôn mới", "New-rural criteria met by the commune"),
    unit: t("tiêu chí", "criteria"),
    kind: "score",
    time: "last",
    direction: "higher",
    range: { min: 0, max: 10, aboveMax: "error" },
    integer: true,
    decimals: 1,
    definition: t(
      "Số tiêu chí đạt theo Quyết định 51/2025/QĐ-TTg (10 tiêu chí, hiệu lực 15/2/2026, thay 19 tiêu chí của Quyết định 318/QĐ-TTg); áp dụng cho xã, không áp dụng cho phường. Cấp tỉnh: bình quân số tiêu chí trên các xã báo cáo.",
      "Criteria met under Decision 51/2025/QĐ-TTg (10 criteria, in force 15/2/2026, replacing the 19 of Decision 318/QĐ-TTg); applies to xã, not phường. Province figure: the mean over reporting communes.",
    ),
    source: `${SEED_003}; Quyết định 51/2025/QĐ-TTg`,
  },
  rate({
    code: "TTHC_SO_HOA",
    name: t("Tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hoá", "Administrative-procedure records digitised"),
    numerator: things("Số hồ sơ, kết quả được số hoá", "Digitised records", "hồ sơ", "records"),
    denominator: things("Tổng số hồ sơ, kết quả giải quyết TTHC", "Records", "hồ sơ", "records"),
    definition: t(
      "Hồ sơ, kết quả giải quyết TTHC được số hoá ÷ tổng số hồ sơ.",
      "Digitised procedure records ÷ all records.",
    ),
    source: SEED_003,
  }),
  rate({
    code: "DVC_TOAN_TRINH",
    name: t(
      "Tỷ lệ TTHC đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình",
      "Eligible procedures offered fully online",
    ),
    numerator: things(
      "Số TTHC cung cấp trực tuyến toàn trình",
      "Procedures fully online",
      "thủ tục",
      "procedures",
    ),
    denominator: things("Số TTHC đủ điều kiện", "Eligible procedures", "thủ tục", "procedures"),
    definition: t(
      "TTHC được cung cấp dưới hình thức dịch vụ công trực tuyến toàn trình ÷ TTHC đủ điều kiện thuộc thẩm quyền của xã.",
      "Procedures offered fully online ÷ eligible procedures within the commune's remit.",
    ),
    source: SEED_003,
  }),
  rate({
    code: "CHI_KHCN_CDS",
    name: t(
      "Tỷ lệ chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số",
      "Budget share spent on science, technology, innovation, digital transformation",
    ),
    numerator: part("Chi cho KHCN, ĐMST, CĐS", "That spending", "triệu đồng", "million VND", false),
    denominator: part("Tổng chi ngân sách", "Total budget spending", "triệu đồng", "million VND", false),
    time: "sum",
    definition: t(
      "Chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số ÷ tổng chi ngân sách trong kỳ.",
      "Budget spending on science, technology, innovation and digital transformation ÷ total budget spending in the period.",
    ),
    source: SEED_003,
  }),
  rate({
    code: "THU_GOM_CTR",
    name: t("Tỷ lệ chất thải rắn sinh hoạt ở nông thôn được thu gom", "Rural solid waste collected"),
    numerator: part("Khối lượng được thu gom", "Collected", "tấn", "tonnes", false),
    denominator: part("Khối lượng phát sinh", "Generated", "tấn", "tonnes", false),
    time: "sum",
    definition: t(
      "Theo khối lượng: tấn chất thải rắn sinh hoạt được thu gom ÷ tấn phát sinh (như SDG 11.6.1).",
      "By mass: tonnes of household solid waste collected ÷ tonnes generated (as SDG 11.6.1).",
    ),
    source: SEED_003,
  }),
  rate({
    code: "NUOC_HVS",
    name: t("Tỷ lệ dân số được sử dụng nước sinh hoạt hợp vệ sinh", "Population using hygienic water"),
    numerator: persons("Số người sử dụng nước hợp vệ sinh", "Persons using hygienic water"),
    denominator: persons("Dân số", "Population"),
    definition: t(
      'Người dân được sử dụng nước sinh hoạt hợp vệ sinh ÷ dân số. "Hợp vệ sinh" rộng hơn "nước sạch theo quy chuẩn".',
      'Persons using hygienic water ÷ population. "Hygienic" is wider than "clean to the national standard".',
    ),
    source: SEED_003,
  }),
  rate({
    code: "NHA_VH_CHUAN",
    name: t("Tỷ lệ nhà văn hóa đạt chuẩn", "Standard village cultural houses"),
    numerator: things("Số nhà văn hóa đạt chuẩn", "Standard houses", "nhà", "houses"),
    denominator: things("Tổng số nhà văn hóa", "Houses", "nhà", "houses"),
    definition: t(
      "Nhà văn hóa đạt chuẩn ÷ tổng số nhà văn hóa.",
      "Standard cultural houses ÷ all cultural houses.",
    ),
    source: SEED_003,
  }),
  rate({
    code: "ANTT_CO_QUAN",
    name: t(
      'Tỷ lệ cơ quan, đơn vị, cơ sở giáo dục đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
      'Agencies and schools certified "safe for security and order"',
    ),
    numerator: things("Số đơn vị đạt tiêu chuẩn", "Certified", "đơn vị", "units"),
    denominator: things("Tổng số cơ quan, đơn vị, cơ sở giáo dục", "All", "đơn vị", "units"),
    definition: t("Đơn vị đạt tiêu chuẩn ÷ tổng số đơn vị.", "Certified units ÷ all units."),
    source: SEED_003,
  }),
  rate({
    code: "ANTT_KDC",
    name: t(
      'Tỷ lệ khu dân cư (bản) đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
      'Villages certified "safe for security and order"',
    ),
    numerator: things("Số bản đạt tiêu chuẩn", "Certified villages", "bản", "villages"),
    denominator: things("Tổng số bản", "Villages", "bản", "villages"),
    definition: t("Bản đạt tiêu chuẩn ÷ tổng số bản.", "Certified villages ÷ all villages."),
    source: SEED_003,
  }),
  rate({
    code: "KMT_CO_QUAN",
    name: t(
      'Tỷ lệ cơ quan, đơn vị, cơ sở giáo dục đạt tiêu chuẩn "không có ma túy"',
      "Agencies and schools certified drug-free",
    ),
    numerator: things("Số đơn vị đạt tiêu chuẩn", "Certified", "đơn vị", "units"),
    denominator: things("Tổng số cơ quan, đơn vị, cơ sở giáo dục", "All", "đơn vị", "units"),
    definition: t("Đơn vị đạt tiêu chuẩn ÷ tổng số đơn vị.", "Certified units ÷ all units."),
    source: SEED_003,
  }),
  rate({
    code: "KMT_KDC",
    name: t('Tỷ lệ khu dân cư (bản) đạt tiêu chuẩn "không có ma túy"', "Villages certified drug-free"),
    numerator: things("Số bản đạt tiêu chuẩn", "Certified villages", "bản", "villages"),
    denominator: things("Tổng số bản", "Villages", "bản", "villages"),
    definition: t("Bản đạt tiêu chuẩn ÷ tổng số bản.", "Certified villages ÷ all villages."),
    source: SEED_003,
  }),
  rate({
    code: "GD_VAN_HOA",
    name: t('Tỷ lệ gia đình đạt danh hiệu "Gia đình văn hóa"', 'Households titled "cultural family"'),
    numerator: households("Số hộ đạt danh hiệu", "Titled households"),
    denominator: households("Tổng số hộ", "Households"),
    definition: t("Hộ đạt danh hiệu ÷ tổng số hộ.", "Titled households ÷ all households."),
    source: SEED_003,
  }),
  // ── ktxh-xa, optional rows ────────────────────────────────────────────────────────────
  rate({
    code: "HO_CAN_NGHEO",
    name: t("Tỷ lệ hộ cận nghèo", "Near-poor household rate"),
    numerator: households("Số hộ cận nghèo", "Near-poor households"),
    denominator: households("Tổng số hộ dân cư", "Resident households"),
    direction: "lower",
    definition: t(
      'Hộ cận nghèo ÷ tổng số hộ dân cư, cùng mẫu số với tỷ lệ hộ nghèo. "Tỷ lệ nghèo đa chiều (chung)" của các bộ là nghèo + cận nghèo: giữ riêng.',
      'Near-poor households ÷ resident households, the same denominator as the poor-household rate. Ministries\' "overall multidimensional poverty" is poor + near-poor: kept apart.',
    ),
    source:
      "Chuẩn nghèo, cận nghèo: Nghị định 07/2021/NĐ-CP (đến hết năm 2026), Nghị định 351/2025/NĐ-CP (từ năm 2027)",
    extra: {
      sameDenominatorAs: "HO_NGHEO",
      seriesBreak: {
        fromYear: 2027,
        note: t(
          "Từ năm 2027 áp dụng chuẩn nghèo mới (Nghị định 351/2025/NĐ-CP)",
          "From 2027 the new poverty standard applies (Decree 351/2025/NĐ-CP)",
        ),
      },
    },
  }),
  rate({
    code: "LD_CO_BANG",
    name: t(
      "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ",
      "Trained labour with a diploma or certificate",
    ),
    numerator: persons("Số lao động có bằng cấp, chứng chỉ", "Certified workers"),
    denominator: persons("Tổng số lao động", "Workers"),
    definition: t(
      "Nhóm thứ nhất của Nghị định 97/2016/NĐ-CP: lao động có bằng, chứng chỉ ÷ lực lượng lao động; không vượt tỷ lệ lao động qua đào tạo.",
      "The first group of Decree 97/2016/NĐ-CP: workers with a diploma or certificate ÷ labour force; never above the trained labour rate.",
    ),
    source: "Nghị định 97/2016/NĐ-CP",
    extra: { atMost: "LD_DAO_TAO" },
  }),
  // ── de-an-1219 ───────────────────────────────────────────────────────────────────────
  rate({
    code: "TTV_TAI_LIEU",
    name: t(
      "Tỷ lệ báo cáo viên, tuyên truyền viên được cung cấp tài liệu",
      "Reporters and propagandists supplied with materials",
    ),
    numerator: persons("Số người được cung cấp tài liệu", "Supplied"),
    denominator: persons("Tổng số báo cáo viên, tuyên truyền viên", "All reporters and propagandists"),
    definition: t(
      "Báo cáo viên, tuyên truyền viên được cung cấp tài liệu ÷ tổng số. Mục tiêu: ≥ 40 % hết giai đoạn 1 (2026–2027); giai đoạn 2 tăng thêm 50 %.",
      "Reporters and propagandists supplied with materials ÷ all. Target: ≥ 40 % by the end of phase 1 (2026–2027); phase 2 a further 50 %.",
    ),
    source: SEED_001,
  }),
  rate({
    code: "TTV_TAP_HUAN",
    name: t(
      "Tỷ lệ báo cáo viên, tuyên truyền viên được bồi dưỡng, tập huấn",
      "Reporters and propagandists trained",
    ),
    numerator: persons("Số người được bồi dưỡng, tập huấn", "Trained"),
    denominator: persons("Tổng số báo cáo viên, tuyên truyền viên", "All reporters and propagandists"),
    definition: t(
      "Báo cáo viên, tuyên truyền viên được bồi dưỡng, tập huấn ÷ tổng số. Mục tiêu: ≥ 40 % hết giai đoạn 1; giai đoạn 2 tăng thêm 50 %.",
      "Reporters and propagandists trained ÷ all. Target: ≥ 40 % by the end of phase 1; phase 2 a further 50 %.",
    ),
    source: SEED_001,
  }),
  rate({
    code: "DON_VI_TRANG_BI",
    name: t(
      "Tỷ lệ đồn biên phòng, công an xã, đơn vị quân đội được hỗ trợ trang bị, phương tiện",
      "Border posts, commune police and army units equipped",
    ),
    numerator: things("Số đơn vị được hỗ trợ", "Equipped units", "đơn vị", "units"),
    denominator: things("Tổng số đồn, công an xã, đơn vị quân đội", "All such units", "đơn vị", "units"),
    definition: t(
      "Đơn vị được hỗ trợ trang bị, phương tiện ÷ tổng số đơn vị. Mục tiêu: ≥ 70 % hết giai đoạn 1; giai đoạn 2 tăng thêm 25 %.",
      "Units equipped ÷ all such units. Target: ≥ 70 % by the end of phase 1; phase 2 a further 25 %.",
    ),
    source: SEED_001,
  }),
  quantity({
    code: "LOP_TAP_HUAN",
    name: t("Số lớp bồi dưỡng, tập huấn đã tổ chức", "Training courses held"),
    unit: t("lớp", "courses"),
    kind: "count",
    time: "sum",
    definition: t("Số lớp bồi dưỡng, tập huấn tổ chức trong kỳ.", "Training courses held during the period."),
    source: SEED_001,
  }),
  quantity({
    code: "TAI_LIEU_PHAT_HANH",
    name: t("Số tài liệu, ấn phẩm tuyên truyền đã phát hành", "Propaganda materials issued"),
    unit: t("bản", "copies"),
    kind: "count",
    time: "sum",
    definition: t(
      "Số bản tài liệu, ấn phẩm phát hành trong kỳ.",
      "Copies of materials issued during the period.",
    ),
    source: SEED_001,
  }),
  // ── mttq-bien-gioi ───────────────────────────────────────────────────────────────────
  quantity({
    code: "TT_BUOI",
    name: t(
      "Số buổi tuyên truyền về biên giới, quy chế biên giới",
      "Awareness sessions on the border and its rules",
    ),
    unit: t("buổi", "sessions"),
    kind: "count",
    time: "sum",
    definition: t("Số buổi tuyên truyền tổ chức trong kỳ.", "Sessions held during the period."),
    source: SEED_000_002,
  }),
  quantity({
    code: "TT_LUOT_NGUOI",
    name: t("Số lượt người tham dự tuyên truyền", "Attendances at those sessions"),
    unit: t("lượt", "attendances"),
    kind: "count",
    time: "sum",
    definition: t("Tổng lượt người tham dự các buổi tuyên truyền.", "Attendances summed over the sessions."),
    source: SEED_000_002,
  }),
  quantity({
    code: "GIAO_LUU",
    name: t("Số hoạt động giao lưu nhân dân hai bên biên giới", "Cross-border people-to-people exchanges"),
    unit: t("hoạt động", "activities"),
    kind: "count",
    time: "sum",
    definition: t("Số hoạt động giao lưu tổ chức trong kỳ.", "Exchanges held during the period."),
    source: SEED_000_002,
  }),
  quantity({
    code: "MO_HINH_TU_QUAN",
    name: t("Số mô hình tự quản đường biên, cột mốc", "Self-managed border and marker-protection groups"),
    unit: t("mô hình", "groups"),
    kind: "count",
    time: "last",
    definition: t("Số mô hình đang hoạt động tại cuối kỳ.", "Groups active at the end of the period."),
    source: SEED_000_002,
  }),
  quantity({
    code: "HO_DUOC_HO_TRO",
    name: t("Số hộ khó khăn được thăm hỏi, hỗ trợ", "Households in hardship visited and supported"),
    unit: t("hộ", "households"),
    kind: "count",
    time: "sum",
    definition: t(
      "Số hộ được thăm hỏi, hỗ trợ trong kỳ.",
      "Households visited and supported during the period.",
    ),
    source: SEED_000_002,
  }),
  quantity({
    code: "NHA_DAI_DOAN_KET",
    name: t("Số nhà đại đoàn kết xây mới, sửa chữa", "Solidarity houses built or repaired"),
    unit: t("nhà", "houses"),
    kind: "count",
    time: "sum",
    definition: t("Số nhà xây mới hoặc sửa chữa trong kỳ.", "Houses built or repaired during the period."),
    source: SEED_000_002,
  }),
  quantity({
    code: "KIEN_NGHI_TIEP_NHAN",
    name: t("Số kiến nghị của Nhân dân được tiếp nhận", "Citizens' petitions received"),
    unit: t("kiến nghị", "petitions"),
    kind: "count",
    time: "sum",
    direction: "none",
    definition: t("Số kiến nghị tiếp nhận trong kỳ.", "Petitions received during the period."),
    source: SEED_000_002,
  }),
  rate({
    code: "KIEN_NGHI_PHAN_HOI",
    name: t("Tỷ lệ kiến nghị được phản hồi", "Petitions answered"),
    numerator: things("Số kiến nghị được phản hồi", "Petitions answered", "kiến nghị", "petitions"),
    denominator: things("Số kiến nghị được tiếp nhận", "Petitions received", "kiến nghị", "petitions"),
    time: "sum",
    definition: t(
      "Kiến nghị được phản hồi ÷ kiến nghị tiếp nhận trong kỳ.",
      "Petitions answered ÷ petitions received in the period.",
    ),
    source: SEED_000_002,
  }),
  // ── ket-nghia ────────────────────────────────────────────────────────────────────────
  quantity({
    code: "CAP_KET_NGHIA",
    name: t("Số cặp bản / cụm dân cư đã ký kết nghĩa", "Twinned pairs of villages or clusters"),
    unit: t("cặp", "pairs"),
    kind: "count",
    time: "last",
    definition: t("Số cặp đã ký kết nghĩa tại cuối kỳ.", "Pairs twinned at the end of the period."),
    source: SEED_004,
  }),
  quantity({
    code: "CAP_KET_NGHIA_KH",
    name: t("Số cặp dự kiến kết nghĩa theo kế hoạch", "Pairs planned"),
    unit: t("cặp", "pairs"),
    kind: "count",
    time: "last",
    direction: "none",
    definition: t("Số cặp dự kiến kết nghĩa theo kế hoạch.", "Pairs planned to be twinned."),
    source: SEED_004,
  }),
  quantity({
    code: "HOAT_DONG_CHUNG",
    name: t("Số hoạt động phối hợp (tuần tra, văn hóa, thể thao, thăm hỏi)", "Joint activities held"),
    unit: t("hoạt động", "activities"),
    kind: "count",
    time: "sum",
    definition: t("Số hoạt động phối hợp tổ chức trong kỳ.", "Joint activities held during the period."),
    source: SEED_004,
  }),
  quantity({
    code: "VU_VIEC_PHOI_HOP",
    name: t("Số vụ việc an ninh biên giới được phối hợp xử lý", "Border-security cases handled jointly"),
    unit: t("vụ", "cases"),
    kind: "count",
    time: "sum",
    direction: "none",
    definition: t("Số vụ việc phối hợp xử lý trong kỳ.", "Cases handled jointly during the period."),
    source: SEED_004,
  }),
  {
    code: "TY_LE_KET_NGHIA",
    name: t("Tỷ lệ cặp đã kết nghĩa so với kế hoạch", "Twinned pairs against the plan"),
    unit: PERCENT,
    kind: "rate",
    numerator: part("Số cặp đã ký kết nghĩa", "Twinned pairs", "cặp", "pairs", true),
    denominator: part("Số cặp dự kiến theo kế hoạch", "Pairs planned", "cặp", "pairs", true),
    time: "last",
    direction: "higher",
    range: { min: 0, max: 100, aboveMax: "warning" },
    integer: false,
    decimals: 1,
    definition: t(
      "Chỉ tiêu dẫn xuất cho bảng tổng hợp: CAP_KET_NGHIA ÷ CAP_KET_NGHIA_KH (thí điểm mỗi huyện biên giới một cặp trước 22/12/2013; toàn bộ trước 19/5/2014).",
      "Derived for the summary: CAP_KET_NGHIA ÷ CAP_KET_NGHIA_KH (a pilot pair per border district before 22/12/2013; all by 19/5/2014).",
    ),
    source: SEED_004,
    derived: { numerator: "CAP_KET_NGHIA", denominator: "CAP_KET_NGHIA_KH" },
  },
];

const BY_CODE: ReadonlyMap<string, Indicator> = new Map(INDICATORS.map((i) => [i.code, i]));

export function findIndicator(code: string): Indicator | undefined {
  return BY_CODE.get(code);
}

export function getIndicator(code: string): Indicator {
  const found = BY_CODE.get(code);
  if (!found) throw new Error(`Unknown indicator code ${code}`);
  return found;
}
