#!/usr/bin/env python3
"""Generates the masking corpus: Chinese complaint narratives with planted personal data (pii)
and planted look-alikes that are not personal data (decoys). Deterministic; the output is
committed: schemas/src/test/resources/masking/corpus.jsonl. PersonalDataMaskingCorpusTest
measures recall (pii masked) and precision (decoys left alone) on it."""
import json, random, pathlib

R = random.Random(6)
SUR = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文"
GIV = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧巧美兰霞平刚桂英玉萍红梅鑫波斌宇浩凯健俊帆帅旭宁龙林欣悦琪"
LABELS = ["客户", "投诉人", "消费者", "借款人", "持卡人", "被保险人", "姓名：", "姓名"]

def name():
    return R.choice(SUR) + "".join(R.choice(GIV) for _ in range(R.choice([1, 2, 2])))

def resident_id():
    region = R.choice(["110105", "310115", "440305", "510107", "330106", "420106"])
    birth = f"{R.randint(1945, 2004)}{R.randint(1, 12):02d}{R.randint(1, 28):02d}"
    body = region + birth + f"{R.randint(0, 999):03d}"
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * x for c, x in zip(body, w)) % 11]

def luhn_complete(prefix_digits):
    digits = [int(c) for c in prefix_digits]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return prefix_digits + str((10 - total % 10) % 10)

def card():
    n = luhn_complete(R.choice(["622202", "621700", "436742", "622848", "625807"]) + "".join(R.choice("0123456789") for _ in range(R.choice([9, 12]))))
    return " ".join(n[i:i + 4] for i in range(0, len(n), 4)) if R.random() < 0.3 else n

def mobile():
    return "1" + R.choice("3456789") + "".join(R.choice("0123456789") for _ in range(9))

def landline():
    return R.choice(["010-", "021-", "0755-", "028-", "0571-"]) + str(R.randint(2, 8)) + "".join(R.choice("0123456789") for _ in range(7))

def email():
    return "".join(R.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(R.randint(3, 8))) + str(R.randint(1, 99)) + "@" + R.choice(["qq.com", "163.com", "example.com.cn", "gmail.com"])

def decoy():
    kind = R.choice(["contract", "amount", "date", "case", "badid", "badcard", "branch"])
    if kind == "contract":
        return "合同编号HT" + "".join(R.choice("0123456789") for _ in range(10))
    if kind == "amount":
        return f"{R.randint(100, 99999)}.{R.randint(0, 99):02d}元"
    if kind == "date":
        return f"2026年{R.randint(1, 9)}月{R.randint(1, 28)}日"
    if kind == "case":
        return "工单号" + "".join(R.choice("0123456789") for _ in range(8))
    if kind == "badid":
        good = resident_id()
        return good[:-1] + ("0" if good[-1] != "0" else "1")          # wrong check digit
    if kind == "badcard":
        good = luhn_complete("622202" + "".join(R.choice("0123456789") for _ in range(9)))
        return good[:-1] + str((int(good[-1]) + 1) % 10)              # fails Luhn
    return R.choice(["营业部", "客户经理", "信用卡中心", "第三方催收公司", "理财经理"])

TEMPLATES = [
    "{label}{name}来电反映，其名下信用卡{card}被盗刷{decoy}，要求银行退还，联系电话{mobile}。",
    "{label}{name}称贷款逾期后催收人员多次拨打其家人电话{mobile}，{decoy}，要求停止骚扰。",
    "{label}{name}（身份证号{id}）反映理财产品到期未兑付，{decoy}，请回电{landline}。",
    "{label}{name}通过邮件{email}投诉保险理赔被拒，{decoy}，身份证{id}。",
    "{label}{name}反映手机银行转账失败，{decoy}，银行卡号{card}，手机{mobile}。",
    "{label}{name}投诉网点服务态度差，要求道歉，{decoy}，联系方式{email}。",
    "{label}{name}，电话{landline}，反映分期手续费说明不清，{decoy}。",
    "来电人{name}称在APP借款时被默认开通会员，{decoy}，手机号{mobile}。",      # no label: name hard to find
    "{label}{name}的女儿代为投诉，称老人被误导购买基金，{decoy}，联系电话{mobile}。",
    # Held out: names with no label before them, which the masker is not built to find.
    "据{name}本人反映，其账户被冻结后无人解释，{decoy}，电话{mobile}。",
    "{name}于上月在网点购买理财，{decoy}，现要求赎回，邮箱{email}。",
]

def main():
    out = pathlib.Path(__file__).resolve().parents[2] / "schemas/src/test/resources/masking/corpus.jsonl"
    lines = []
    for i in range(132):
        t = TEMPLATES[i % len(TEMPLATES)]
        values = {"label": R.choice(LABELS), "name": name(), "card": card(), "mobile": mobile(),
                  "landline": landline(), "email": email(), "id": resident_id(), "decoy": decoy()}
        text = t.format(**values)
        pii = [{"kind": k, "value": values[k]} for k in ["name", "card", "mobile", "landline", "email", "id"] if "{" + k + "}" in t]
        lines.append(json.dumps({"narrative": text, "pii": pii, "decoys": [values["decoy"]]}, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} narratives -> {out}")

if __name__ == "__main__":
    main()
