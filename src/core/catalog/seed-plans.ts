import type { PlanEntry, PlanRuleKind } from "./types";

/*
 * The targets the seeds give, as plan rows (FORMATS.md §6). They make the sample plans and the
 * worked cases of the tests; a planner's own plan file replaces them.
 */

const row = (
  unit: string,
  indicator: string,
  period: string,
  rule: PlanRuleKind,
  value: number,
): PlanEntry => ({
  unit,
  indicator,
  period,
  rule,
  value,
});

/** Xã Mường Lèo's own 2026–2030 targets (Resolution 37/NQ-HĐND, seed 003). */
export function muongLeoTargets(unit = "04240"): PlanEntry[] {
  return [
    // "Thu ngân sách trên địa bàn đạt 1.922,9 triệu đồng" over the plan; "năm 2026 đạt 2.118,5".
    row(unit, "THU_NS", "2026", "muc_tieu", 2118.5),
    row(unit, "THU_NS", "2026-2030", "muc_tieu", 1922.9),
    // "Sản lượng cây lương thực có hạt bình quân/năm đạt 1.300 tấn": every year of the plan.
    row(unit, "SL_LUONG_THUC", "2026-2030", "toi_thieu", 1300),
    row(unit, "DAN_GIA_SUC", "2026-2030", "muc_tieu", 8453),
    row(unit, "LD_DAO_TAO", "2030", "muc_tieu", 50),
    // "Tổng số lao động xuất khẩu lao động đạt 04 người": four over the five years, not four a year.
    row(unit, "XKLD", "2026-2030", "tong_giai_doan", 4),
    // "Tỷ lệ che phủ rừng ổn định đạt 47,72%": held every year.
    row(unit, "CHE_PHU_RUNG", "2026-2030", "toi_thieu", 47.72),
    row(unit, "TRUONG_CHUAN", "2030", "muc_tieu", 50),
    row(unit, "HO_NGHEO", "2030", "muc_tieu", 28.04),
    // "Phấn đấu giảm tỷ lệ hộ nghèo tối thiểu 3%/năm".
    row(unit, "HO_NGHEO", "2026-2030", "giam_moi_nam", 3),
    row(unit, "BHYT", "2030", "muc_tieu", 100),
    row(unit, "NTM_TIEU_CHI", "2030", "muc_tieu", 10),
    row(unit, "TTHC_SO_HOA", "2030", "muc_tieu", 100),
    row(unit, "DVC_TOAN_TRINH", "2030", "muc_tieu", 100),
    row(unit, "CHI_KHCN_CDS", "2030", "muc_tieu", 2),
    row(unit, "THU_GOM_CTR", "2030", "muc_tieu", 80),
    row(unit, "NUOC_HVS", "2030", "muc_tieu", 100),
    row(unit, "NHA_VH_CHUAN", "2030", "muc_tieu", 23),
    row(unit, "ANTT_CO_QUAN", "2026-2030", "muc_tieu", 100),
    row(unit, "ANTT_KDC", "2030", "muc_tieu", 100),
    row(unit, "KMT_CO_QUAN", "2030", "muc_tieu", 100),
    row(unit, "KMT_KDC", "2030", "muc_tieu", 84.6),
    row(unit, "GD_VAN_HOA", "2030", "muc_tieu", 80),
  ];
}

/**
 * Project 1219 (Plan 140/KH-UBND, seed 001): phase 1 (2026–2027) at least 40 / 40 / 70 %;
 * phase 2 (2028–2030) "a further" 50 / 50 / 25 points on top of phase 1.
 */
export function deAn1219Targets(unit: string): PlanEntry[] {
  return [
    row(unit, "TTV_TAI_LIEU", "2026-2027", "muc_tieu", 40),
    row(unit, "TTV_TAP_HUAN", "2026-2027", "muc_tieu", 40),
    row(unit, "DON_VI_TRANG_BI", "2026-2027", "muc_tieu", 70),
    row(unit, "TTV_TAI_LIEU", "2028-2030", "tang_them", 50),
    row(unit, "TTV_TAP_HUAN", "2028-2030", "tang_them", 50),
    row(unit, "DON_VI_TRANG_BI", "2028-2030", "tang_them", 25),
  ];
}
