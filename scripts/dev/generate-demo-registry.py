#!/usr/bin/env python3
"""Generates the demo institution registry and the Keycloak realm that matches it.

Run once by a developer when the demo registry changes; both outputs are committed:
  schemas/src/main/resources/registry/demo-institutions.csv
  schemas/src/main/resources/keycloak/cpsx-realm.json
Names are fictional. Client secrets are demo-only (`demo-` + lower-case USCC).
"""
import csv, json, random, pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
CS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

def uscc(region, rnd):
    body = "91" + region + "".join(rnd.choice("0123456789") for _ in range(8)) + rnd.choice("0123456789X")
    body = body.replace("X", "0")
    c = 31 - sum(CS.index(ch) * w for ch, w in zip(body, W)) % 31
    return body + CS[0 if c == 31 else c]

# (type, [(chinese legal name, short name, english name, home region, retail customers)])
REG = {
 "BANK_LARGE": [
  ("华夏国民银行股份有限公司", "华夏国民银行", "Huaxia National Bank Co., Ltd.", "110000", 680_000_000),
  ("中华建业银行股份有限公司", "中华建业银行", "Zhonghua Jianye Bank Co., Ltd.", "110000", 720_000_000),
  ("神州农商发展银行股份有限公司", "神州发展银行", "Shenzhou Development Bank Co., Ltd.", "110000", 560_000_000),
  ("长城邮政储蓄银行股份有限公司", "长城储蓄银行", "Great Wall Postal Savings Bank Co., Ltd.", "110000", 640_000_000),
  ("东方交通银行股份有限公司", "东方交通银行", "Dongfang Communications Bank Co., Ltd.", "310000", 190_000_000),
  ("九州工商银行股份有限公司", "九州工商银行", "Jiuzhou Industrial and Commercial Bank Co., Ltd.", "110000", 700_000_000),
 ],
 "BANK_JOINT_STOCK": [
  ("招远商业银行股份有限公司", "招远银行", "Zhaoyuan Commercial Bank Co., Ltd.", "440300", 180_000_000),
  ("浦江发展银行股份有限公司", "浦江银行", "Pujiang Development Bank Co., Ltd.", "310000", 120_000_000),
  ("兴泰银行股份有限公司", "兴泰银行", "Xingtai Bank Co., Ltd.", "350100", 90_000_000),
  ("民安银行股份有限公司", "民安银行", "Min'an Bank Co., Ltd.", "110000", 110_000_000),
  ("光华银行股份有限公司", "光华银行", "Guanghua Bank Co., Ltd.", "110000", 150_000_000),
  ("平和银行股份有限公司", "平和银行", "Pinghe Bank Co., Ltd.", "440300", 130_000_000),
  ("渤海湾银行股份有限公司", "渤海湾银行", "Bohai Bay Bank Co., Ltd.", "120000", 30_000_000),
 ],
 "BANK_CITY": [
  ("京华城市商业银行股份有限公司", "京华城商行", "Jinghua City Commercial Bank Co., Ltd.", "110000", 28_000_000),
  ("申城银行股份有限公司", "申城银行", "Shencheng Bank Co., Ltd.", "310000", 22_000_000),
  ("钱塘银行股份有限公司", "钱塘银行", "Qiantang Bank Co., Ltd.", "330100", 18_000_000),
  ("金陵银行股份有限公司", "金陵银行", "Jinling Bank Co., Ltd.", "320100", 16_000_000),
  ("巴蜀银行股份有限公司", "巴蜀银行", "Bashu Bank Co., Ltd.", "510100", 14_000_000),
  ("荆楚银行股份有限公司", "荆楚银行", "Jingchu Bank Co., Ltd.", "420100", 12_000_000),
  ("岭南银行股份有限公司", "岭南银行", "Lingnan Bank Co., Ltd.", "440100", 15_000_000),
 ],
 "BANK_RURAL": [
  ("江南农村商业银行股份有限公司", "江南农商行", "Jiangnan Rural Commercial Bank Co., Ltd.", "320400", 6_500_000),
  ("中原农村商业银行股份有限公司", "中原农商行", "Zhongyuan Rural Commercial Bank Co., Ltd.", "410100", 9_000_000),
  ("齐鲁农村商业银行股份有限公司", "齐鲁农商行", "Qilu Rural Commercial Bank Co., Ltd.", "370100", 7_200_000),
  ("天府农村商业银行股份有限公司", "天府农商行", "Tianfu Rural Commercial Bank Co., Ltd.", "510100", 8_100_000),
  ("湘江农村商业银行股份有限公司", "湘江农商行", "Xiangjiang Rural Commercial Bank Co., Ltd.", "430100", 5_400_000),
  ("八桂农村信用合作联社", "八桂农信", "Bagui Rural Credit Cooperative Union", "450100", 4_800_000),
  ("黔东南村镇银行有限责任公司", "黔东南村镇银行", "Qiandongnan Village Bank Co., Ltd.", "522600", 300_000),
 ],
 "BANK_FOREIGN": [
  ("汇达银行（中国）有限公司", "汇达中国", "Huida Bank (China) Co., Ltd.", "310000", 1_200_000),
  ("渣华银行（中国）有限公司", "渣华中国", "Zhahua Bank (China) Co., Ltd.", "310000", 900_000),
  ("东亚联合银行（中国）有限公司", "东亚联合中国", "East Asia United Bank (China) Co., Ltd.", "310000", 700_000),
  ("星展信银行（中国）有限公司", "星展信中国", "Xingzhanxin Bank (China) Co., Ltd.", "310000", 500_000),
  ("华侨永亨银行（中国）有限公司", "华侨永亨中国", "Huaqiao Yongheng Bank (China) Co., Ltd.", "310000", 350_000),
  ("德意志联邦银行（中国）有限公司", "德联中国", "Bundesbank Partners (China) Co., Ltd.", "110000", 80_000),
 ],
 "INSURER_LIFE": [
  ("国寿人寿保险股份有限公司", "国寿人寿", "Guoshou Life Insurance Co., Ltd.", "110000", 95_000_000),
  ("平康人寿保险股份有限公司", "平康人寿", "Pingkang Life Insurance Co., Ltd.", "440300", 70_000_000),
  ("太和人寿保险股份有限公司", "太和人寿", "Taihe Life Insurance Co., Ltd.", "310000", 40_000_000),
  ("新华夏人寿保险股份有限公司", "新华夏人寿", "New Huaxia Life Insurance Co., Ltd.", "110000", 30_000_000),
  ("泰安人寿保险股份有限公司", "泰安人寿", "Tai'an Life Insurance Co., Ltd.", "110000", 25_000_000),
  ("阳明人寿保险股份有限公司", "阳明人寿", "Yangming Life Insurance Co., Ltd.", "110000", 12_000_000),
 ],
 "INSURER_PROPERTY": [
  ("人安财产保险股份有限公司", "人安财险", "Ren'an Property Insurance Co., Ltd.", "110000", 88_000_000),
  ("平康财产保险股份有限公司", "平康财险", "Pingkang Property Insurance Co., Ltd.", "440300", 60_000_000),
  ("太和财产保险股份有限公司", "太和财险", "Taihe Property Insurance Co., Ltd.", "310000", 42_000_000),
  ("国元财产保险股份有限公司", "国元财险", "Guoyuan Property Insurance Co., Ltd.", "340100", 8_000_000),
  ("众信在线财产保险股份有限公司", "众信在线", "Zhongxin Online Property Insurance Co., Ltd.", "310000", 150_000_000),
  ("华北农业保险股份有限公司", "华北农险", "Huabei Agricultural Insurance Co., Ltd.", "130100", 3_500_000),
 ],
 "CONSUMER_FINANCE": [
  ("招联易消费金融有限公司", "招联易消金", "Zhaolianyi Consumer Finance Co., Ltd.", "440300", 45_000_000),
  ("马上好消费金融股份有限公司", "马上好消金", "Mashanghao Consumer Finance Co., Ltd.", "500000", 38_000_000),
  ("兴业达消费金融股份有限公司", "兴业达消金", "Xingyeda Consumer Finance Co., Ltd.", "350100", 9_000_000),
  ("中银信消费金融有限公司", "中银信消金", "Zhongyinxin Consumer Finance Co., Ltd.", "310000", 12_000_000),
  ("湖湘消费金融股份有限公司", "湖湘消金", "Huxiang Consumer Finance Co., Ltd.", "430100", 6_000_000),
  ("锦程消费金融有限公司", "锦程消金", "Jincheng Consumer Finance Co., Ltd.", "510100", 5_000_000),
 ],
 "PAYMENT": [
  ("快付网络支付有限公司", "快付支付", "Kuaifu Network Payment Co., Ltd.", "330100", 500_000_000),
  ("财通天下支付有限公司", "财通支付", "Caitong Tianxia Payment Co., Ltd.", "440300", 420_000_000),
  ("银联易付科技有限公司", "银联易付", "Yinlian Yifu Technology Co., Ltd.", "310000", 80_000_000),
  ("汇聚通支付服务有限公司", "汇聚通", "Huijutong Payment Services Co., Ltd.", "110000", 25_000_000),
  ("拉卡付支付股份有限公司", "拉卡付", "Lakafu Payment Co., Ltd.", "110000", 40_000_000),
  ("通联宝支付网络服务股份有限公司", "通联宝", "Tonglianbao Payment Network Services Co., Ltd.", "310000", 18_000_000),
 ],
 "ONLINE_PLATFORM": [
  ("蚂蚁云金融信息服务有限公司", "蚂蚁云金服", "Mayiyun Financial Information Services Co., Ltd.", "330100", 300_000_000),
  ("京融数字科技有限公司", "京融数科", "Jingrong Digital Technology Co., Ltd.", "110000", 150_000_000),
  ("度小金金融科技有限公司", "度小金", "Duxiaojin FinTech Co., Ltd.", "110000", 60_000_000),
  ("陆金通网络科技有限公司", "陆金通", "Lujintong Network Technology Co., Ltd.", "310000", 20_000_000),
  ("360融科信息技术有限公司", "360融科", "360 Rongke Information Technology Co., Ltd.", "310000", 35_000_000),
  ("美团金服信息科技有限公司", "美团金服", "Meituan Jinfu Information Technology Co., Ltd.", "110000", 90_000_000),
  ("微众联数字科技有限公司", "微众联", "Weizhonglian Digital Technology Co., Ltd.", "440300", 70_000_000),
 ],
}

def main():
    rnd = random.Random(20261126)
    rows = []
    for typ, insts in REG.items():
        for i, (zh, short, en, region, cust) in enumerate(insts):
            status = "REVOKED" if (typ == "ONLINE_PLATFORM" and i == len(insts) - 1) else "ACTIVE"
            rows.append([uscc(region, rnd), zh, short, en, typ, region, cust, status])
    out = ROOT / "schemas/src/main/resources/registry/demo-institutions.csv"
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["uscc", "legalNameZh", "shortName", "nameEn", "type", "homeRegion", "retailCustomers", "licenceStatus"])
        w.writerows(rows)
    write_realm(rows)
    print(f"{len(rows)} institutions")

def realm_roles_mapper():
    return {"name": "realm roles", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-realm-role-mapper",
            "config": {"claim.name": "roles", "multivalued": "true", "jsonType.label": "String",
                       "id.token.claim": "true", "access.token.claim": "true", "userinfo.token.claim": "true",
                       "introspection.token.claim": "true"}}

def write_realm(rows):
    user_profile = {
        "attributes": [
            {"name": "username", "displayName": "${username}", "permissions": {"view": ["admin", "user"], "edit": ["admin"]}},
            {"name": "email", "displayName": "${email}", "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]}},
            {"name": "firstName", "displayName": "${firstName}", "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]}},
            {"name": "lastName", "displayName": "${lastName}", "permissions": {"view": ["admin", "user"], "edit": ["admin", "user"]}},
            {"name": "institution_id", "displayName": "Institution USCC", "permissions": {"view": ["admin"], "edit": ["admin"]}},
        ],
        "unmanagedAttributePolicy": "ADMIN_VIEW",
    }
    clients = [{
        "clientId": "cpsx-portal", "name": "CPSX supervision portal", "enabled": True, "publicClient": False,
        "secret": "cpsx-portal-secret", "standardFlowEnabled": True, "directAccessGrantsEnabled": True,
        "serviceAccountsEnabled": False, "protocol": "openid-connect",
        "redirectUris": ["http://localhost:8080/*", "http://127.0.0.1:8080/*", "http://localhost:18090/*"],
        "webOrigins": ["+"], "attributes": {"post.logout.redirect.uris": "http://localhost:8080/*##http://127.0.0.1:8080/*##http://localhost:18090/*"},
        "protocolMappers": [realm_roles_mapper(), {
            "name": "institution_id", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-attribute-mapper",
            "config": {"user.attribute": "institution_id", "claim.name": "institution_id", "jsonType.label": "String",
                       "id.token.claim": "true", "access.token.claim": "true", "userinfo.token.claim": "true"}}],
    }]
    # Job control on batch-jobs (scripts/cpsx reindex and drill, the demo): client credentials.
    clients.append({
        "clientId": "cpsx-operations", "name": "CPSX operations (scripts/cpsx, the demo)",
        "description": "Job control on batch-jobs (/jobs) by client credentials; the secret is the demo stack's",
        "enabled": True, "publicClient": False, "secret": "cpsx-operations-secret",
        "standardFlowEnabled": False, "directAccessGrantsEnabled": False, "serviceAccountsEnabled": True,
        "protocol": "openid-connect", "attributes": {"access.token.lifespan": "900"},
        "protocolMappers": [realm_roles_mapper()],
    })
    users = []
    for uscc_, zh, short, *_ in rows:
        cid = f"inst-{uscc_}"
        clients.append({
            "clientId": cid, "name": short, "description": zh, "enabled": True, "publicClient": False,
            "secret": f"demo-{uscc_.lower()}", "standardFlowEnabled": False, "directAccessGrantsEnabled": False,
            "serviceAccountsEnabled": True, "protocol": "openid-connect",
            "attributes": {"access.token.lifespan": "900"},
            "protocolMappers": [realm_roles_mapper(), {
                "name": "institution_id", "protocol": "openid-connect", "protocolMapper": "oidc-hardcoded-claim-mapper",
                "config": {"claim.name": "institution_id", "claim.value": uscc_, "jsonType.label": "String",
                           "access.token.claim": "true", "id.token.claim": "false", "userinfo.token.claim": "false",
                           "introspection.token.claim": "true"}}],
        })
        users.append({"username": f"service-account-{cid.lower()}", "enabled": True, "serviceAccountClientId": cid,
                      "realmRoles": ["INSTITUTION"]})

    def person(username, first, last, roles, attrs=None):
        u = {"username": username, "enabled": True, "email": f"{username}@demo.cpsx.local", "emailVerified": True,
             "firstName": first, "lastName": last, "realmRoles": roles,
             "credentials": [{"type": "password", "value": username, "temporary": False}]}
        if attrs:
            u["attributes"] = attrs
        return u
    users.append({"username": "service-account-cpsx-operations", "enabled": True,
                  "serviceAccountClientId": "cpsx-operations", "realmRoles": ["OPERATOR"]})
    users += [
        person("analyst", "Lin", "Analyst", ["ANALYST"]),
        person("supervisor", "Zhou", "Supervisor", ["SUPERVISOR", "ANALYST"]),
        person("admin", "Wang", "Admin", ["ADMIN"]),
        person("officer", "Chen", "Officer", ["INSTITUTION"], {"institution_id": [rows[0][0]]}),
        person("operator", "Zhao", "Operator", ["OPERATOR"]),
    ]
    realm = {
        "realm": "cpsx", "displayName": "CPSX 消费者权益保护监管交换平台", "enabled": True,
        "sslRequired": "none", "registrationAllowed": False, "loginWithEmailAllowed": True,
        "internationalizationEnabled": True, "supportedLocales": ["zh-CN", "en"], "defaultLocale": "zh-CN",
        "accessTokenLifespan": 900, "bruteForceProtected": True,
        "roles": {"realm": [{"name": r, "description": d} for r, d in [
            ("INSTITUTION", "Supervised institution: files and reads its own data"),
            ("ANALYST", "Regulator's analyst: searches and analyses all institutions"),
            ("SUPERVISOR", "Regulator's supervisor: approves and publishes"),
            ("ADMIN", "System administrator"),
            ("OPERATOR", "Operator of batch-jobs: starts, follows and restarts its jobs")]]},
        "clients": clients,
        "users": users,
        "components": {"org.keycloak.userprofile.UserProfileProvider": [{
            "providerId": "declarative-user-profile", "subComponents": {},
            "config": {"kc.user.profile.config": [json.dumps(user_profile)]}}]},
    }
    out = ROOT / "schemas/src/main/resources/keycloak/cpsx-realm.json"
    out.write_text(json.dumps(realm, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

if __name__ == "__main__":
    main()
