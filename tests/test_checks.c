/* test_checks.c - the rule-free consistency checks on real report phrases.
 *
 * Each row runs one text through the real pipeline (decode, segment, scan
 * quantities) and the checks, and says which findings must come out: the
 * check, how many, and the figure the first one points at. A row with no
 * check must stay quiet altogether: rounded and truncated rates, partial
 * breakdowns, single 含 sub-items, 100%以上, completion rates over 100.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "checks.h"
#include "document.h"
#include "extract.h"

typedef struct check_case {
    const char *title;
    const char *text;
    const char *check; /* NULL: no finding at all */
    size_t count;      /* findings of that check */
    const char *figure;/* the text of the first one's span starts with it */
} check_case;

static const check_case cases[] = {
    /* ---- malformed-number ---- */
    {"two decimal points",
     "通过微信随访、电话随访、家访等方式落实出院患者随访,随访率由上年的43.7%提升到75.51.63%。",
     "malformed-number", 1, "75.51.63"},
    {"a doubled percent sign", "全年宫颈癌筛查率达60%%，超额完成任务。", "malformed-number", 1,
     "60"},
    {"a doubled decimal point", "新建和改造农村公路12..5公里。", "malformed-number", 1,
     "12"},
    {"a long decimal with one point is well formed",
     "镇级临时救助金发放1037439.699元。", NULL, 0, NULL},

    /* ---- rate-over-100 ---- */
    {"筛查率 above 100",
     "全市乳腺癌筛查 14041 人,筛查率 108.01%。宫颈癌筛查 13171 人,筛查率 101.32%。",
     "rate-over-100", 2, "108.01"},
    {"筛查率 above 100 after linking words",
     "开展新生儿听力筛查13053例,筛查率达到101.53%。", "rate-over-100", 1,
     "101.53"},
    {"覆盖率 above 100",
     "全市建制村快递服务覆盖率为102.5%。", "rate-over-100", 1, "102.5"},
    {"完成率 above 100 is a completion rate",
     "完成乳腺癌筛查3170人次,“两癌”筛查完成率103%。", NULL, 0, NULL},
    {"completion of a target above 100",
     "宁郭镇全镇一般财政预算收入2619万元,完成全年目标任务的112.5%。", NULL, 0,
     NULL},
    {"100%以上 is not above 100",
     "群众诉求回复率100%以上。", NULL, 0, NULL},
    {"exactly 100",
     "发放补贴资金11.8亿元,发放成功率100%。", NULL, 0, NULL},
    {"a gross enrolment rate may pass 100",
     "全县学前三年毛入园率达到 102.3%，高中阶段毛入学率 105%。", NULL, 0, NULL},
    {"growth above 100",
     "年度总收入 9406.04 万元，同比增长 129.77%。", NULL, 0, NULL},

    /* ---- rate-mismatch ---- */
    {"补种率 with a trailing zero",
     "截至年底全市免疫规划疫苗应补种数 46408,已补种数 44983,补种率 96.90%。",
     "rate-mismatch", 1, "96.90"},
    {"补种率 rounded",
     "截至年底全市免疫规划疫苗应补种数 46408,已补种数 44983,补种率 96.93%。",
     NULL, 0, NULL},
    {"补种率 truncated",
     "截至年底全市免疫规划疫苗应补种数 46408,已补种数 44983,补种率 96.92%。",
     NULL, 0, NULL},
    {"到位率 against 共…例",
     "报告并转诊本辖区内肺结核患者和疑似肺结核患者共 467 例,到位 451 例,总体到位率为 96.9%。",
     "rate-mismatch", 1, "96.9"},
    {"到位率 that agrees",
     "报告并转诊本辖区内肺结核患者和疑似肺结核患者共 467 例,到位 451 例,总体到位率为 96.6%。",
     NULL, 0, NULL},
    {"活产数 as the base of several rates, one wrong",
     "辖区内活产数 5011 人，孕产妇健康管理 4704 人，健康管理率 93.87%，早孕建档人数 4458 人，"
     "早孕建档率 88.96%，产后访视人数 4608 人，产后访视率 92.00%。",
     "rate-mismatch", 1, "92.00"},
    {"活产数 as the base, all agree",
     "叶县户籍孕妇活产数 2904 人，产前超声筛查人数 2088 人，筛查率 71.9%（目标任务为 60%以上）；"
     "产前血清学筛查人数 1856 人，筛查率 63.91%（目标任务为 60%以上）。",
     NULL, 0, NULL},
    {"a rounded base (1.17万) that cannot give the rate",
     "共筛查高中、寄宿式初中新生 1.17 万人,PPD 阳性 2532 人,阳性率 21.51%，"
     "其中强阳性 347 人，强阳性率 2.96%。",
     "rate-mismatch", 1, "21.51"},
    {"the base is not written",
     "0~6 岁儿童健康管理 51572 人，健康管理率 92.81%；新生儿访视人数 4651 人，新生儿访视率 92.82%。",
     NULL, 0, NULL},
    {"count without base",
     "免费为全区1282名85岁以上老年人健康体检,体检率95.67%,超额完成市定目标。",
     NULL, 0, NULL},
    {"目标N的P% that agrees",
     "对79名残疾儿童实施康复救助,完成年目标60人的131.67%;实现残疾人证“跨省通办”。",
     NULL, 0, NULL},
    {"目标N的P% that does not",
     "对79名残疾儿童实施康复救助,完成年目标60人的137.67%;实现残疾人证“跨省通办”。",
     "rate-mismatch", 1, "137.67"},
    {"households and persons: the rate follows the households",
     "共有贫困户 1000 户 3500 人，已脱贫 980 户 3400 人，脱贫率 98%。", NULL, 0, NULL},
    {"bracketed share of a base that agrees",
     "全年共受理群众诉求 1170 件，已办结 948 件（81%）。", NULL, 0, NULL},
    {"bracketed share of a base that does not",
     "全年共受理群众诉求 1170 件，已办结 948 件（86%）。", "rate-mismatch", 1,
     "86"},

    {"a task and what is done of it, with the share in brackets",
     "剩余8项中,2个嵌入式养老机构建设已完成1个(50%)、15个农村幸福院建设已完成8个(53%),"
     "1170件困难群体法律援助已完成948件(81%)。",
     NULL, 0, NULL},
    {"a task and a share that does not agree",
     "1170件困难群体法律援助已完成948件(85%),HPV疫苗免费接种服务已完成4769人(51.2%)。",
     "rate-mismatch", 1, "85"},
    {"a count of tasks is no base of a completion rate",
     "其中超额完成任务的已有10项:实体零工驿站建设完成2个,完成率200%;为困难残疾人提供康复救助2539名,"
     "完成率100.27%。",
     NULL, 0, NULL},
    {"the count is any figure that reconciles, not the nearest",
     "全县建册孕妇总数1212 人,符合筛查条件的建册孕妇数 999 人,总的产前筛查数1069 人,"
     "其中免费唐氏筛查870 人,无创 DNA筛查199 人,建册孕妇的免费产前筛查率71.78%,"
     "符合筛查条件的建册孕妇免费产前筛查率87.09%。",
     NULL, 0, NULL},
    {"a shared base does not reach past a rate that did not use it",
     "全县建册孕妇总数1212 人,其中免费唐氏筛查870 人,免费产前筛查率71.78%,"
     "符合筛查条件的建册孕妇免费产前筛查率87.09%,中唐咨询随访人数1259 人,咨询随访率 94.71%。",
     NULL, 0, NULL},
    {"共 base of a 检出率 that agrees",
     "截至 5月底, 共免费婚检4074 人, 婚检率96.86%,疾病检出 432 人,疾病检出率10.60%。",
     NULL, 0, NULL},
    {"共 as the base of a 签约率 that does not agree",
     "全市共有老人 50000 人，其中签约 30000 人，签约率 65%。", "rate-mismatch", 1,
     "65"},
    {"a base in 万 is rounded (5万 may be 4.5–5.5万)",
     "全市共有 60 岁以上老人 5 万人，其中签约 3 万人，签约率 60%。", NULL, 0, NULL},
    {"share of a planned amount that agrees",
     "完成投资 5.6 亿元，占年度计划 5 亿元的 112%。", NULL, 0, NULL},
    {"share of a planned amount that does not (the plan is exact)",
     "完成投资 5.6 亿元，完成年度计划 5 亿元的 120%。", "rate-mismatch", 1, "120"},
    {"a rate of change above 100 after a proportion",
     "全年接种疫苗 12000 剂次，接种率 98.5%，较上年提高 105%。", NULL, 0, NULL},
    {"bed use may exceed 100",
     "全市病床使用率 105.3%，平均住院日 8.2 天。", NULL, 0, NULL},
    {"a base before an earlier rate that did not use it",
     "全年共采集样品 170 份，检测合格率 100%；农村饮水安全工程水质检测工作，采样 1030 份，"
     "合格 1000 份，监测合格率为 97.09%。",
     NULL, 0, NULL},
    {"a count whose label repeats the rate word by chance",
     "报告甲肝病例 1 例；全市共报告 AEFI 病例 145 例，其中一般反应 142 例，异常反应 3 例，"
     "48 小时内报告率为 100%。",
     NULL, 0, NULL},

    /* ---- sum-mismatch ---- */
    {"其中 list of ten regions short by 20",
     "完成情况:全年新建乐道371.83公里,其中临颍县60公里、舞阳县40公里、郾城区57.17公里、"
     "源汇区34.5公里、召陵区28.16公里、经开区30公里、示范区53.6公里、西城区15公里、"
     "市住建局5公里、沙澧河建管委28.4公里。",
     "sum-mismatch", 1, "371.83"},
    {"其中 list that adds up",
     "完成情况:全年完成农村户厕改造11000户,其中临颍县2467户、舞阳县1854户、召陵区4257户、"
     "经开区1370户、示范区1052户。",
     NULL, 0, NULL},
    {"其中 list with 各",
     "完成情况:对全市27所义务教育学校进行提升改造,其中源汇区4所、郾城区4所、召陵区4所、"
     "舞阳县6所、临颍县6所、3个功能区各1所。",
     NULL, 0, NULL},
    {"bracketed list after the total, one level missing",
     "加大风险源管控，对全镇 1640 处风险点（重大风险点 301 处、一般风险点 481 处、低风险点 592 处）"
     "全部进行排查辨别并完成风险图制作。",
     "sum-mismatch", 1, "1640"},
    {"bracketed list that adds up",
     "本次集中销毁的过期疫苗共 3 种、853 支(卡介苗 633 支、A 群 3 支、麻风 217 支)。",
     NULL, 0, NULL},
    {"其中 list of four levels that adds up",
     "全镇辨识安全风险点1598个，其中重大风险166个，较大风险317个，一般风险775个，低风险340个。",
     NULL, 0, NULL},
    {"a 其中 part above its whole",
     "2020年组织土地巡查290多次，及时发现并制止11宗，自行拆除6宗，其中组织镇综合执法队及相关部门"
     "集中拆除10宗；深入到企业一线。",
     "sum-mismatch", 1, "6"},
    {"合计 after its parts",
     "发现个别单位存在过度医疗等违规行为，累计拒付违规资金 52.67 万元；追回违规医保基金 246.94 万元，"
     "合计金额 300.64 万元。",
     "sum-mismatch", 1, "300.64"},
    {"共计 after interleaved parts",
     "截至 12 月 31 日，门诊账户报销人数 2031 人，报销金额 86.7 万元；门诊统筹报销人数 49797 人，"
     "报销金额 209 万元；住院大病报销人数 2434 人，大病报销金额 481 万元；正常分娩报销人数 593 人，"
     "报销金额 35 万元；2020 年共计报销人数 73143 人，报销金额 812 万元。",
     "sum-mismatch", 1, "73143"},
    {"合计 of rounded 万元 parts",
     "门诊报销金额 86.7 万元；统筹报销金额 209 万元；大病报销金额 481 万元；分娩报销金额 35 万元，"
     "合计报销金额 812 万元。",
     NULL, 0, NULL},
    {"unmarked 、-list that exceeds its total",
     "共收到协查函110份,涉及该区213人,协查管控密接14人、次密接146人、中高风险地区来人50人、时空伴随者6人。",
     "sum-mismatch", 1, "213"},
    {"unmarked 、-list below its total is partial",
     "共收到协查函110份,涉及该区213人,协查管控密接14人、次密接146人、时空伴随者6人。",
     NULL, 0, NULL},
    {"其中 after a full stop that adds up",
     "2021年,累计排查涉疫地区返乡人员14494人。其中,境外287人,高风险地区49人,中风险地区49人,"
     "低风险地区14109人。",
     NULL, 0, NULL},
    {"其中 after a full stop is not read",
     "截至 12 月 31 日，业务总收入 3737.9 万元。其中：医疗收入 3048.7 万元，医疗支出 3999.4 万元。",
     NULL, 0, NULL},
    {"partial 其中 of selected groups",
     "共采集转运样本22832人次,其中留观病人289人次、武汉回长葛人员核酸检测792人次、抗体检测425人次、"
     "国外回国集中隔离人员样本核酸检测 80 人次。",
     NULL, 0, NULL},
    {"partial 其中 with two parts",
     "截至年底发热门诊接诊患者 8625 人, 其中留观 129 人, 确诊新冠肺炎 1 人, 均痊愈出院。",
     NULL, 0, NULL},
    {"one sub-item 含 is no breakdown",
     "药品 60.67 万元(含中草药 5.5 万元), 购置设备 302.47 万元。", NULL, 0, NULL},
    {"其中 list inside brackets that adds up",
     "2020 年，共检查定点医疗机构 28 家，其中一级及以下公立定点医疗机构 15 家、二级 2 家、"
     "民营医疗机构 11 家；发现个别单位存在违规行为。",
     NULL, 0, NULL},
    {"parts truncated to the total",
     "大周镇辖区总面积149平方公里，其中耕地3.65平方公里、林地134平方公里、水域12平方公里。",
     NULL, 0, NULL},
    {"approximate parts are not added",
     "中心共推送稿件1200多篇，其中有关企业复工复产的短视频新闻播放量分别超过2400万次、3400万次。",
     NULL, 0, NULL},
    {"a list that runs past its breakdown: a leading run adds up",
     "在职职工 455 人，其中，卫生技术 351 人（高级职称 22 人、中级职称 101 人、初级职称 185 人、"
     "无职称 43 人），行管后勤及其它技术 104 人，退休 136 人。",
     NULL, 0, NULL},
    {"共计 that adds up", "新建学校 3 所，改扩建 5 所，共计 8 所。", NULL, 0, NULL},
    {"共计 that does not", "新建学校 3 所，改扩建 5 所，共计 9 所。", "sum-mismatch", 1,
     "9"},
    {"bracketed amounts short of the total",
     "投入资金 500 万元（省级 200 万元、市级 150 万元、县级 100 万元）。", "sum-mismatch",
     1, "500"},
    {"bracketed amounts that add up",
     "投入资金 500 万元（省级 200 万元、市级 150 万元、县级 150 万元）。", NULL, 0, NULL},
    {"colon list that adds up",
     "全市共有学校 100 所：小学 60 所，初中 30 所，高中 10 所。", NULL, 0, NULL},
    {"colon list that does not",
     "全市共有学校 100 所：小学 60 所，初中 30 所，高中 20 所。", "sum-mismatch", 1,
     "100"},
    {"a per-unit figure is no total; the total behind it is",
     "各乡镇共完成改厕 3000 户，每村平均 50 户，其中 A 镇 1200 户、B 镇 1000 户、C 镇 900 户。",
     "sum-mismatch", 1, "3000"},
    {"per-capita figures do not add up",
     "城镇居民人均可支配收入 35000 元，城镇和农村居民分别为 42000 元、21000 元。", NULL, 0,
     NULL},
    {"a funnel is no breakdown", "共排查 1000 人，核实 800 人，确诊 300 人。", NULL, 0,
     NULL},
    {"a bracketed 其中 whose parts exceed the total",
     "全年共办理案件 120 件（其中刑事案件 50 件、民事案件 80 件）。", "sum-mismatch", 1,
     "120"},
    {"steps of one process may overlap: no finding",
     "全年立刑事案件1862起，抓获犯罪嫌疑人1034人，其中逮捕612人、移送起诉843人。",
     NULL, 0, NULL},
    {"a base framed by 按 is no part",
     "全县卫生技术人员3218人，其中执业（助理）医师1264人、注册护士1487人，按常住人口57.2万人计算，每千人口卫生技术人员5.63人。",
     NULL, 0, NULL},
    {"a bracketed 其中 that adds up",
     "全年共办理案件 130 件（其中刑事案件 50 件、民事案件 80 件）。", NULL, 0, NULL},
    {"categories under 其中 need not be exhaustive",
     "全年完成固定资产投资 100 亿元，其中工业投资 50 亿元、基础设施投资 30 亿元、民生投资 15 亿元。",
     NULL, 0, NULL},
    {"a few areas out of many are partial",
     "全年新建乐道371.83公里,其中临颍县60公里、舞阳县40公里、郾城区57.17公里。", NULL, 0,
     NULL},
    {"parts in 万 that add up after rounding",
     "全年开展技能培训 2.8 万人次，其中农民工培训 1.2 万人次、贫困劳动力培训 1.65 万人次。",
     NULL, 0, NULL},

    /* ---- a change is no total, and no part ---- */
    {"比年初增加 is a change: the 其中 breaks down the balance",
     "年末金融机构各项存款余额412.36亿元，比年初增加46.82亿元，增长12.8%；其中住户存款余额"
     "318.65亿元，增长15.6%。",
     NULL, 0, NULL},
    {"比上年增加 before a list that adds up to the level",
     "全年粮食总产量45.26万吨，比上年增加1.18万吨，增长2.7%，其中小麦21.35万吨、玉米20.48万吨、"
     "大豆1.06万吨、薯类等2.37万吨。",
     NULL, 0, NULL},
    {"较上年减少 and 净增 are changes too",
     "全县规模以上工业企业186家，较上年减少14家，其中高新技术企业52家；年末实有市场主体"
     "3.6万户，净增2100户，其中个体工商户2.8万户。",
     NULL, 0, NULL},
    {"a change alone in its clause",
     "全年粮食总产量45.26万吨，增加1.18万吨，其中小麦21.35万吨。", NULL, 0, NULL},
    {"a change between the parts is no part",
     "年末户籍总人口68.35万人，其中城镇人口24.12万人，比上年增加0.52万人；乡村人口44.23万人，"
     "比上年减少0.61万人。",
     NULL, 0, NULL},
    {"the level behind a change is still judged",
     "全年粮食总产量45.26万吨，比上年增加1.18万吨，增长2.7%，其中小麦31.35万吨、玉米20.48万吨。",
     "sum-mismatch", 1, "45.26"},
    {"增加到 ends in a level, not a change",
     "全年粮食总产量比上年增加到45.26万吨，其中小麦31.35万吨、玉米20.48万吨。",
     "sum-mismatch", 1, "45.26"},

    /* ---- which total a 其中 after a 、-list belongs to ---- */
    {"the total whose label shares the part's head noun",
     "全年适龄儿童国家免疫规划疫苗应接种38620剂次，实际接种37904剂次。全县设置预防接种门诊24个、"
     "产科接种点6个，其中数字化门诊24个。",
     NULL, 0, NULL},
    {"a part above the total that shares its head noun",
     "全县设置预防接种门诊24个、产科接种点6个，其中数字化门诊30个。", "sum-mismatch", 1,
     "24"},
    {"the nearest total when no label shares the head",
     "全县设置预防接种门诊24个、产科接种点6个，其中达标单位8个。", "sum-mismatch", 1, "6"},

    /* ---- a 其中 or 包括 with a subject of its own ---- */
    {"包括 after a new subject breaks down that subject",
     "组建以县人民医院、县中医院为牵头医院的2个医疗健康集团，成员单位包括18个乡镇卫生院和3个"
     "社区卫生服务中心。",
     NULL, 0, NULL},
    {"主要包括 names no new subject",
     "全年共办理案件 120 件，主要包括刑事案件 50 件、民事案件 80 件。", "sum-mismatch", 1,
     "120"},

    /* ---- the share of a 其中 part ---- */
    {"占比 of the first part that does not agree",
     "一般公共预算支出42.35亿元，增长6.5%，其中民生支出34.62亿元，占比达82.7%。",
     "rate-mismatch", 1, "82.7"},
    {"占比 of the first part that agrees",
     "一般公共预算支出46.28亿元，同比增长8.6%，其中民生支出37.95亿元，占82.0%。", NULL, 0,
     NULL},
    {"a share that names its whole, agreeing",
     "2021年高考，全縣參考考生2296人，本科上線1432人；其中一本上線586人，佔參考考生的25.52%。",
     NULL, 0, NULL},
    {"a share that names its whole, not agreeing",
     "全年一般公共预算收入15.86亿元，比上年增长3.2%，其中税收收入10.27亿元，占一般公共预算收入的"
     "66.8%。",
     "rate-mismatch", 1, "66.8"},
    {"a share of a whole no figure carries is not judged",
     "全年完成政府采购项目1263个，实际采购金额7.82亿元，其中公开招标项目286个，采购金额5.93亿元，"
     "占采购总额的85.8%。",
     NULL, 0, NULL},

    /* ---- complete 其中 lists: pairs of measures, residuals, halves ---- */
    {"kinds and cases of a pair of measures, each added",
     "全年报告法定传染病11种1286例，其中乙类传染病7种612例、丙类传染病4种694例，无甲类传染病报告。",
     "sum-mismatch", 1, "1286"},
    {"households and persons that add up",
     "年末全縣城鄉低保對象1.38萬戶2.46萬人，其中城市低保1926戶3218人、農村低保11874戶21382人。",
     NULL, 0, NULL},
    {"a residual category closes the list",
     "全年粮食播种面积86.42万亩，其中小麦43.16万亩、玉米35.27万亩、大豆4.83万亩、其他谷物2.16万亩。",
     "sum-mismatch", 1, "86.42"},
    {"a list closed by a residual that adds up",
     "全年粮食播种面积86.42万亩，其中小麦43.16万亩、玉米35.27万亩、大豆4.83万亩、其他谷物3.16万亩。",
     NULL, 0, NULL},
    {"two halves by sex short of the whole",
     "全镇共有基层党组织46个，其中党委3个、党总支5个、党支部38个；共有党员1863名，其中男党员1426名、"
     "女党员427名。",
     "sum-mismatch", 1, "1863"},
    {"city and country halves short of the whole",
     "上半年累计发放低保金2860万元，其中城市低保金720万元、农村低保金1980万元。", "sum-mismatch",
     1, "2860"},
    {"a part named 其它 inside a longer label is no residual",
     "在职职工 455 人，其中，卫生技术 351 人，行管后勤及其它技术 94 人。", NULL, 0, NULL},

    /* ---- 分别 after as many items: respectively, not a breakdown ---- */
    {"分别 totals of a 、-list of new ones",
     "新增省级龙头企业3家、市级12家，总数分别达到15家和68家。", NULL, 0, NULL},
    {"分别 cumulative levels of a 、-list",
     "今年新建幼儿园2所、小学3所，累计分别达到12所和20所。", NULL, 0, NULL},
    {"分别 parts that count another noun",
     "全县有乡镇4个，分别为城关镇12个村、石桥镇15个村。", NULL, 0, NULL},
    {"分别 named parts of one total still add up",
     "新增企业30家，分别为省级18家、市级15家。", "sum-mismatch", 1, "30"},
    {"分别 named parts that pass a single total",
     "全县乡镇4个，分别为城关镇12个、石桥镇15个。", "sum-mismatch", 1, "4"},

    /* ---- a change between two levels ---- */
    {"由A下降到B，下降X% that does not agree",
     "商品房销售面积由上年的68.45万平方米下降到59.12万平方米，下降15.8%。",
     "rate-mismatch", 1, "15.8"},
    {"由A下降到B，下降X% that agrees",
     "商品房销售面积由上年的68.45万平方米下降到59.12万平方米，下降13.6%。",
     NULL, 0, NULL},
    {"由A%下降到B%，下降X个百分点 that does not agree",
     "债务率由128.6%下降到116.3%，下降13.3个百分点。", "rate-mismatch", 1,
     "13.3"},
    {"由A%下降到B%，下降X个百分点 that agrees",
     "债务率由128.6%下降到116.3%，下降12.3个百分点。", NULL, 0, NULL},
    {"由A增加到B，增长X% within the rounding of 万",
     "收入由3.2万元增加到3.5万元，增长12%。", NULL, 0, NULL},
    {"由A增加到B，增长X% truncated",
     "人数由300人增加到401人，增长33.6%。", NULL, 0, NULL},
    {"由A减少到B with plain integers",
     "贫困人口由1200人减少到300人，下降70%。", "rate-mismatch", 1, "70"},
    {"a change said the other way round is not judged",
     "贫困人口由1200人减少到300人，增长70%。", NULL, 0, NULL},
    {"a percentage change of a percentage may be points",
     "合格率由80%提高到90%，提高10%。", NULL, 0, NULL},
    {"由于 is no 由",
     "由于价格上涨，产值68.45万元下降到59.12万元，下降15.8%。", NULL, 0, NULL},

    /* ---- 合计 rows of tables ---- */
    {"a 合计 row off its column sum",
     "学段\t学校数（所）\t在校生（人）\t生师比\n普通高中\t6\t18426\t13.29\n"
     "初中\t31\t26735\t12.71\n小学\t118\t37526\t16.94\n合计\t155\t82867\t14.48\n",
     "sum-mismatch", 1, "82867"},
    {"a 合计 row that adds up; ratio columns are not summed",
     "项目\t金额（万元）\t占比（%）\n人员经费\t68452\t62.4\n公用经费\t21736\t19.8\n"
     "其他支出\t7042\t6.4\n合计\t97230\t100.0\n",
     NULL, 0, NULL},
    {"a 合计 of decimals within rounding",
     "项目\t金额（亿元）\n甲\t1.24\n乙\t2.36\n丙\t0.57\n合计\t4.18\n", NULL, 0,
     NULL},
    {"a 合计 after 小计 rows is not judged against the last group",
     "项目\t数量（个）\n甲\t1\n乙\t2\n小计\t3\n丙\t4\n丁\t5\n合计\t12\n", NULL,
     0, NULL},
    {"a table with a 其中 row is not judged",
     "项目\t人数（人）\n医生\t100\n其中：主任医师\t20\n护士\t150\n合计\t250\n",
     NULL, 0, NULL},
    {"a column with an empty cell is not judged",
     "项目\t人数（人）\t床位（张）\n甲\t100\t\n乙\t150\t30\n合计\t250\t50\n", NULL,
     0, NULL},

    /* ---- nested 其中 ---- */
    {"an inner 其中 part above the outer part it breaks down",
     "全年出院人数9.86万人次，其中县级医院出院5.42万人次，乡镇卫生院出院3.96万人次，"
     "其中一级甲等卫生院出院4.12万人次。",
     "sum-mismatch", 1, "3.96"},
    {"an inner 其中 part within the outer part",
     "全年出院人数9.86万人次，其中县级医院出院5.42万人次，乡镇卫生院出院3.96万人次，"
     "其中一级甲等卫生院出院2.12万人次。",
     NULL, 0, NULL},
    {"a second 其中 of another head breaks down the whole",
     "全县共有医务人员2000人，其中执业医师800人、注册护士900人，其中女性1200人。",
     NULL, 0, NULL},
};

static size_t count_check(const audit_finding_list *list, const char *check,
                          const audit_finding **first)
{
    size_t n = 0;
    *first = NULL;
    for (size_t i = 0; i < list->len; i++) {
        if (check && strcmp(list->items[i].check, check) != 0)
            continue;
        if (!*first)
            *first = &list->items[i];
        n++;
    }
    return n;
}

START_TEST(test_case)
{
    const check_case *tc = &cases[_i];
    audit_error err = {0};
    audit_document *doc = audit_document_from_bytes(
        tc->title, tc->text, strlen(tc->text), AUDIT_ENCODING_AUTO, &err);
    ck_assert_msg(doc != NULL, "%s: cannot decode", tc->title);
    audit_extraction ex;
    memset(&ex, 0, sizeof ex);
    audit_extract(doc, &ex);
    audit_finding_list out = {0};
    audit_checks_run(doc, &ex.seg, &ex.quantities, &out);

    const audit_finding *first;
    if (!tc->check) {
        ck_assert_msg(out.len == 0, "%s: expected no finding, got %s: %s",
                      tc->title, out.len ? out.items[0].check : "",
                      out.len ? out.items[0].message : "");
    } else {
        size_t n = count_check(&out, tc->check, &first);
        ck_assert_msg(n == tc->count, "%s: %zu %s, expected %zu", tc->title,
                      n, tc->check, tc->count);
        ck_assert_msg(out.len == n, "%s: an extra finding %s", tc->title,
                      out.items[0].check);
        size_t k = strlen(tc->figure);
        ck_assert_msg(first->end - first->start >= k &&
                          memcmp(doc->text + first->start, tc->figure, k) == 0,
                      "%s: finding at \"%.*s\", expected \"%s\"", tc->title,
                      (int)(first->end - first->start),
                      doc->text + first->start, tc->figure);
        ck_assert_msg(first->message && first->message[0],
                      "%s: empty message", tc->title);
    }
    audit_finding_list_free(&out);
    audit_extraction_free(&ex);
    audit_document_free(doc);
}
END_TEST

/* audit_finding_add copies its message and the list frees it. */
START_TEST(test_finding_add)
{
    audit_finding_list list = {0};
    for (int i = 0; i < 100; i++)
        audit_finding_add(&list, "sum-mismatch", AUDIT_ERROR, (size_t)i,
                          (size_t)i + 3, NULL, "%d+%d = %d", i, 1, i + 1);
    ck_assert_uint_eq(list.len, 100);
    ck_assert_str_eq(list.items[42].message, "42+1 = 43");
    ck_assert_str_eq(list.items[42].check, "sum-mismatch");
    ck_assert_uint_eq(list.items[42].start, 42);
    audit_finding_list_free(&list);
    ck_assert_uint_eq(list.len, 0);
    audit_finding_list_free(&list);
    audit_finding_list_free(NULL);
}
END_TEST

/* The arithmetic is in the message. */
START_TEST(test_messages)
{
    static const struct {
        const char *text;
        const char *message;
    } rows[] = {
        {"截至年底全市免疫规划疫苗应补种数 46408,已补种数 44983,补种率 96.90%。",
         "44983/46408 = 96.93% ≠ stated 96.90%"},
        {"完成情况:全年新建乐道371.83公里,其中临颍县60公里、舞阳县40公里、郾城区57.17公里、"
         "源汇区34.5公里、召陵区28.16公里、经开区30公里、示范区53.6公里、西城区15公里、"
         "市住建局5公里、沙澧河建管委28.4公里。",
         "60+40+57.17+34.5+28.16+30+53.6+15+5+28.4 = 351.83 ≠ 371.83公里"},
        {"累计拒付违规资金 52.67 万元；追回违规医保基金 246.94 万元，合计金额 300.64 万元。",
         "52.67+246.94 = 299.61 ≠ 300.64万元"},
        /* figures as written, not converted to square metres or to 万 */
        {"全年新建高标准农田5.8万亩，完成市下达任务5万亩的112%。",
         "5.8万/5万 = 116% ≠ stated 112%"},
        {"共筛查高中、寄宿式初中新生 1.17 万人,PPD 阳性 2532 人,阳性率 21.51%。",
         "2532/1.17万 = 21.64% ≠ stated 21.51%"},
        {"全年招生2.31萬人，其中幼兒園小班7205人、小學一年級7126人、初中一年級6548人、"
         "高中一年級2390人。",
         "7205+7126+6548+2390 = 23269人 ≠ 2.31万人"},
        {"一般公共预算支出42.35亿元，增长6.5%，其中民生支出34.62亿元，占比达82.7%。",
         "34.62亿/42.35亿 = 81.7% ≠ stated 82.7%"},
        /* the parts that pass the total, not the figures after them */
        {"新增公共停车位3260个，其中城区新增2180个、乡镇新增1180个；新建公共充电桩386个。",
         "2180+1180 = 3360 ≠ 3260个"},
        {"全年报告法定传染病11种1286例，其中乙类传染病7种612例、丙类传染病4种694例。",
         "612+694 = 1306 ≠ 1286例"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        audit_error err = {0};
        audit_document *doc = audit_document_from_bytes(
            "m", rows[i].text, strlen(rows[i].text), AUDIT_ENCODING_AUTO, &err);
        ck_assert_ptr_nonnull(doc);
        audit_extraction ex;
        memset(&ex, 0, sizeof ex);
        audit_extract(doc, &ex);
        audit_finding_list out = {0};
        audit_checks_run(doc, &ex.seg, &ex.quantities, &out);
        ck_assert_uint_eq(out.len, 1);
        ck_assert_str_eq(out.items[0].message, rows[i].message);
        audit_finding_list_free(&out);
        audit_extraction_free(&ex);
        audit_document_free(doc);
    }
}
END_TEST

static Suite *checks_suite(void)
{
    Suite *s = suite_create("checks");
    TCase *tc = tcase_create("cases");
    tcase_add_loop_test(tc, test_case, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_finding_add);
    tcase_add_test(tc, test_messages);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(checks_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
