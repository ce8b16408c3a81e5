/* test_quantity.c - the quantity scanner, table-driven.
 *
 * Each row of quantity_cases is a phrase from (or modelled on) the reports
 * in the acceptance set, the number of quantities the scanner must find in
 * it, and what the one at `index` must be. not_quantity_cases are phrases
 * in which nothing, or only the stated figures, count. The rest checks
 * audit_quantity_parse, unit compatibility, and that hostile input neither
 * crashes nor takes quadratic time.
 */
#include <check.h>

#include "check_run.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quantity.h"

typedef struct quantity_case {
    const char *text;
    int count;          /* quantities the scanner finds in text */
    int index;          /* the one checked */
    double value, high;
    const char *unit;   /* canonical unit, NULL for none */
    int approx, range, malformed, decimals;
    const char *span;   /* the quantity as written, NULL: not checked */
} quantity_case;

#define Q(t, n, i, v, u, ap, dec, span) {t, n, i, v, v, u, ap, 0, 0, dec, span}
#define RANGE(t, n, i, lo, hi, u, ap, dec, span) \
    {t, n, i, lo, hi, u, ap, 1, 0, dec, span}
#define BAD(t, n, i, v, u, dec, span) {t, n, i, v, v, u, 0, 0, 1, dec, span}

static const quantity_case quantity_cases[] = {
    /* luohe-2023 */
    Q("全年开展职业技能培训7万人次,新增技能人才5万人、高技能人才2.5万人。", 3, 0, 70000, "人次", 0, 0, "7万人次"),
    Q("全年开展职业技能培训7万人次,新增技能人才5万人、高技能人才2.5万人。", 3, 2, 25000, "人", 0, 1, "2.5万人"),
    Q("完成情况:全年开展各类职业培训14.7万人次,新增技能人才6.7万人,新增高技能人才3.1万人。", 3, 0, 147000, "人次", 0, 1, "14.7万人次"),
    Q("完成情况:全年开展各类职业培训14.7万人次,新增技能人才6.7万人,新增高技能人才3.1万人。", 3, 2, 31000, "人", 0, 1, NULL),
    Q("全年培训31个家庭医生团队和3837名基层卫生技术人员。", 2, 1, 3837, "人", 0, 0, "3837名"),
    Q("2023年年底实现所有15777个行政村卫生室经费补助全覆盖", 1, 0, 15777, "个", 0, 0, "15777个"),
    Q("对符合条件的特殊困难老年人家庭实施适老化改造,全年完成改造2000户。", 1, 0, 2000, "户", 0, 0, "2000户"),
    Q("各完成筛查20564人。", 1, 0, 20564, "人", 0, 0, "20564人"),
    Q("产前筛查覆盖率达到65%,新生儿“两病”筛查率达到95%", 2, 0, 65, "%", 0, 0, "65%"),
    Q("开展产前超声筛查11934例,筛查率109.34%;", 2, 0, 11934, "个", 0, 0, "11934例"),
    Q("开展产前超声筛查11934例,筛查率109.34%;", 2, 1, 109.34, "%", 0, 2, "109.34%"),
    Q("开展新生儿“两病”筛查12728例,筛查率99.00%;", 2, 1, 99, "%", 0, 2, "99.00%"),
    Q("全年组织不少于90场次青少年心理健康服务进村(社区)活动,实现超450人次青少年个案咨询", 2, 0, 90, "个", 0, 0, "90场次"),
    Q("全年组织不少于90场次青少年心理健康服务进村(社区)活动,实现超450人次青少年个案咨询", 2, 1, 450, "人次", 1, 0, "450人次"),
    Q("个案咨询占比不少于40%,新建6个“青翼家园”工作阵地", 2, 1, 6, "个", 0, 0, "6个"),
    Q("全年开展团辅活动136场次,受益青少年3600余人次;", 2, 1, 3600, "人次", 1, 0, "3600余人次"),
    Q("全年为1362名残疾儿童提供康复救助,家庭服务满意率均为100%。", 2, 0, 1362, "人", 0, 0, "1362名"),
    Q("全年完成燃气用户安全装置加装16.38万户。", 1, 0, 163800, "户", 0, 2, "16.38万户"),
    Q("全年完成管道气自闭阀加装17.9198万户、管道气金属软管加装12.3064万户", 2, 0, 179198, "户", 0, 4, "17.9198万户"),
    Q("全年完成管道气自闭阀加装17.9198万户、管道气金属软管加装12.3064万户", 2, 1, 123064, "户", 0, 4, "12.3064万户"),
    Q("全年新开工改造老旧小区53个,涉及居民3889户,145栋楼房,总建筑面积42.37万平方米。", 4, 2, 145, "个", 0, 0, "145栋"),
    Q("全年新开工改造老旧小区53个,涉及居民3889户,145栋楼房,总建筑面积42.37万平方米。", 4, 3, 423700, "平方米", 0, 2, "42.37万平方米"),
    Q("完成情况:全年对8433座存在安全隐患的窨井设施进行更换改造。", 1, 0, 8433, "个", 0, 0, "8433座"),
    Q("加快推动“四好农村路”高质量发展,改造农村公路30公里以上。", 1, 0, 30, "公里", 1, 0, "30公里"),
    Q("全市新建和改造农村公路81.042公里。", 1, 0, 81.042, "公里", 0, 3, "81.042公里"),
    Q("2023年年底实现\n\n85%的行政村设立村级寄递物流服务站。", 1, 0, 85, "%", 0, 0, "85%"),
    Q("完成130个配电台区升级改造,新建改造10千伏及以下线路130千米。", 2, 1, 130, "公里", 0, 0, "130千米"),
    Q("全市149个配电台区和130.89千米10千伏及以下线路全部竣工并入运行。", 2, 1, 130.89, "公里", 0, 2, "130.89千米"),
    Q("全年通过“一卡通”发放补贴项目超62项,惠及群众65万人以上。", 2, 0, 62, "个", 1, 0, "62项"),
    Q("全年通过“一卡通”发放补贴项目超62项,惠及群众65万人以上。", 2, 1, 650000, "人", 1, 0, "65万人"),
    Q("全年发放补贴资金11.8亿元,发放成功率100%,其中社保卡占比达99.97%", 3, 0, 1.18e9, "元", 0, 1, "11.8亿元"),
    Q("全年发放补贴资金11.8亿元,发放成功率100%,其中社保卡占比达99.97%", 3, 2, 99.97, "%", 0, 2, "99.97%"),
    Q("完成情况:全年新增发放创业担保贷款6.6065亿元。", 1, 0, 660650000, "元", 0, 4, "6.6065亿元"),
    Q("全年新增城镇就业3万人以上,零就业家庭保持动态为零。", 1, 0, 30000, "人", 1, 0, "3万人"),
    Q("全年新增城镇就业3.75万人,“城镇零就业家庭”保持动态为零。", 1, 0, 37500, "人", 0, 2, "3.75万人"),
    Q("其中源汇区4所、郾城区4所、召陵区4所、舞阳县6所、临颍县6所、3个功能区各1所。", 7, 5, 3, "个", 0, 0, "3个"),
    Q("其中源汇区4所、郾城区4所、召陵区4所、舞阳县6所、临颍县6所、3个功能区各1所。", 7, 6, 1, "个", 0, 0, "1所"),
    Q("特困供养人员基本生活水平标准不低于当地低保标准的1.3倍,临时救助人次年不低于3000人次", 2, 0, 1.3, "倍", 0, 1, "1.3倍"),
    Q("特困供养人员基本生活水平标准不低于当地低保标准的1.3倍,临时救助人次年不低于3000人次", 2, 1, 3000, "人次", 0, 0, "3000人次"),
    Q("将农村低保标准提高到440元/人月,财政补助水平不低于220元/人月", 2, 0, 440, "元/人月", 0, 0, "440元/人月"),
    Q("全县PM2.5平均浓度为38微克/立方米，同比下降5%", 2, 0, 38, "微克/立方米", 0, 0, "38微克/立方米"),
    Q("PM10浓度控制在70μg/m³以内", 1, 0, 70, "微克/立方米", 0, 0, "70μg/m³"),
    Q("农村特困人员基本生活保障按照农村低保标准的1.3倍执行,达到572元/人·月,城市低保", 2, 1, 572, "元/人月", 0, 0, "572元/人·月"),
    Q("实施临时救助21011人次,累计发放资金2.78亿元", 2, 1, 278000000, "元", 0, 2, "2.78亿元"),
    Q("全市退休(退职)人员月人均增加111.28元,月人均增幅3.9%。", 2, 0, 111.28, "元", 0, 2, "111.28元"),
    Q("全年筹集保障性租赁住房3757套。", 1, 0, 3757, "个", 0, 0, "3757套"),
    Q("对1431人次三级以上严重精神障碍患者进行了医疗救治。", 1, 0, 1431, "人次", 0, 0, "1431人次"),
    Q("舟山路(黄河路—淞江路)及金山路沙河桥北引道6条道路人行道改造", 1, 0, 6, "个", 0, 0, "6条"),
    Q("新建供热管网12公里,热交换站16座,新增供热面积160万平方米以上。", 3, 2, 1.6e6, "平方米", 1, 0, "160万平方米"),
    Q("全年完成农村户厕改造11000户,其中临颍县2467户、舞阳县1854户", 3, 0, 11000, "户", 0, 0, "11000户"),
    Q("新建市区公园13个,新增公园绿地3万平方米。", 2, 1, 30000, "平方米", 0, 0, "3万平方米"),
    Q("全年新建乐道371.83公里,其中临颍县60公里、舞阳县40公里、郾城区57.17公里", 4, 3, 57.17, "公里", 0, 2, "57.17公里"),
    Q("对全市中小学校、幼儿园在校学生免费开展青少年儿童近视防控及视力筛查3万人次以上。", 1, 0, 30000, "人次", 1, 0, "3万人次"),
    Q("我市承办的10件15项省重点民生实事", 2, 1, 15, "个", 0, 0, "15项"),
    Q("全市开通133家中报定点医院,线上申报4700人次", 2, 0, 133, "个", 0, 0, "133家"),

    /* yexian-2022-h1: spaces between number, magnitude and unit */
    Q("全年完成技能培训 2.8 万人次、新增技能人才 2.28 万人(含高技能人才 9300 人)。", 3, 0, 28000, "人次", 0, 1, "2.8 万人次"),
    Q("全年完成技能培训 2.8 万人次、新增技能人才 2.28 万人(含高技能人才 9300 人)。", 3, 2, 9300, "人", 0, 0, "9300 人"),
    Q("各成员单位完成培训人数 5.48 万人次，新增技能人才 3.21 万人(含新增高技能人才 1.13 万人)。", 3, 0, 54800, "人次", 0, 2, "5.48 万人次"),
    Q("对存在安全隐患的窨井设施更换改造（市定任务 478 个）", 1, 0, 478, "个", 0, 0, "478 个"),
    Q("共涉及 19 个老旧小区 36 栋住宅楼 1073 户居民，总建筑面积 12.5 万平方米。", 4, 3, 125000, "平方米", 0, 1, "12.5 万平方米"),
    Q("截至目前，已整改病害井盖 201 座，道路升级改造更换 954 座、雨水篦子 1157 座。", 3, 2, 1157, "个", 0, 0, "1157 座"),
    Q("新建和改造农村公路115.26公里;推进农村客运班线公交化运营,新增35个行政村", 2, 0, 115.26, "公里", 0, 2, "115.26公里"),
    Q("全长50.49公里,总投资14667.2万元,目前路基完成27.118公里", 3, 1, 146672000, "元", 0, 1, "14667.2万元"),
    Q("已于7月1日开通两条公交化运行路线", 1, 0, 2, "个", 0, 0, "两条"),
    Q("1.辛店镇（31路）：全长约43公里，串联行政村17个", 2, 0, 43, "公里", 1, 0, "43公里"),
    Q("1. 辛店镇（31 路）：全长约 43 公里，串联行政村 17 个；2. 田庄乡", 2, 1, 17, "个", 0, 0, "17 个"),
    Q("实现每个街道有 1 处综合养老服务中心，嵌入式养老床位不少于 50 张", 2, 1, 50, "个", 0, 0, "50 张"),
    Q("推动智慧养老服务平台覆盖 13.41 万人以上的老年人。", 1, 0, 134100, "人", 1, 2, "13.41 万人"),
    Q("截至目前，智慧养老服务平台已录入老年人数 15.3 万人。", 1, 0, 153000, "人", 0, 1, "15.3 万人"),
    Q("宫颈癌筛查人数为 8406 人，完成全年任务 60%", 2, 0, 8406, "人", 0, 0, "8406 人"),
    Q("产前超声筛查人数 2088 人，筛查率 71.9%（目标任务为 60%以上）", 3, 1, 71.9, "%", 0, 1, "71.9%"),
    Q("产前超声筛查人数 2088 人，筛查率 71.9%（目标任务为 60%以上）", 3, 2, 60, "%", 1, 0, "60%"),
    Q("年底前实现“豫事办”实名注册用户数突破 26 万。", 1, 0, 260000, NULL, 0, 0, "26 万"),
    Q("督促各窗口工作人员对办事群众进行注册，目前完成注册 25.9 万。", 1, 0, 259000, NULL, 0, 1, "25.9 万"),
    Q("线下活动累计覆盖 800 人次。", 1, 0, 800, "人次", 0, 0, "800 人次"),
    Q("青少年心理健康服务进村（社区）活动线下活动开展累计 12 场（在学校", 1, 0, 12, "个", 0, 0, "12 场"),
    Q("2022 10", 1, 0, 10, NULL, 0, 0, "10"),
    Q("目前已实施残疾儿童康复救助 150 人。", 1, 0, 150, "人", 0, 0, "150 人"),

    /* ningguo-2020 */
    Q("2020年全镇一般财政预算收入2619万元,完成全年目标任务的112.5%。", 2, 0, 26190000, "元", 0, 0, "2619万元"),
    Q("2020年全镇一般财政预算收入2619万元,完成全年目标任务的112.5%。", 2, 1, 112.5, "%", 0, 1, "112.5%"),
    Q("全镇通过该机制协调解决各类问题588件,消化矛盾纠纷200余起", 2, 1, 200, "个", 1, 0, "200余起"),
    Q("新建项目拟投资1.67亿元的现代锦苑住宅楼目前已完成投资5000万元。", 2, 0, 167000000, "元", 0, 2, "1.67亿元"),
    Q("对辖区内高速公路两侧补植补栽约4公顷", 1, 0, 40000, "平方米", 1, 0, "4公顷"),
    Q("该镇出动人力9000余人次,挖掘机、农用三轮车等900余车次", 2, 1, 900, "个", 1, 0, "900余车次"),
    Q("集中清理农村生活、建筑垃圾16000余立方米。", 1, 0, 16000, "立方米", 1, 0, "16000余立方米"),
    Q("建成水冲式无害化厕所5416户,占常住户数的94.6%。", 2, 1, 94.6, "%", 0, 1, "94.6%"),
    Q("由5位班子成员带队", 1, 0, 5, "人", 0, 0, "5位"),
    Q("签订“严守焦作文明十条,共做文明焦作人”公开承诺书6000余份。", 2, 0, 10, "个", 0, 0, "十条"),
    Q("签订“严守焦作文明十条,共做文明焦作人”公开承诺书6000余份。", 2, 1, 6000, "个", 1, 0, "6000余份"),
    Q("疫情发生以来,该镇累计投入35万余元,用于购买医用口罩", 1, 0, 350000, "元", 1, 0, "35万余元"),
    Q("共筹备防疫物资口罩类51.6万只,防护服类5829套,消毒液类约10万公斤,手消类8万余瓶", 4, 2, 100, "吨", 1, 0, "10万公斤"),
    Q("共筹备防疫物资口罩类51.6万只,防护服类5829套,消毒液类约10万公斤,手消类8万余瓶", 4, 3, 80000, "个", 1, 0, "8万余瓶"),
    Q("预检分诊共预检1万多人次;发热门诊共接诊发热患者975人", 2, 0, 10000, "人次", 1, 0, "1万多人次"),
    Q("组建家庭医生签约服务团队37个,签约7.58万人,签约率为35.8%", 3, 1, 75800, "人", 0, 2, "7.58万人"),
    Q("对河南理工大学和河南工信学院15876名新生开展了传染病免费筛查", 1, 0, 15876, "人", 0, 0, "15876名"),
    Q("组织各类健康巡讲、义诊30余次,发放宣传材料2万余份。", 2, 1, 20000, "个", 1, 0, "2万余份"),

    /* shifanqu-health-2021 */
    Q("全体党员干部冲锋在前,保持指挥体系24小时高效运行状态", 1, 0, 1, "天", 0, 0, "24小时"),
    Q("以及灾后重建(6个项目),总投资2491.79余万元,推进公共卫生", 2, 1, 24917900, "元", 1, 2, "2491.79余万元"),
    Q("完成宫颈癌筛查3018人次,完成乳腺癌筛查3170人次,“两癌”筛查完成率103%。", 3, 2, 103, "%", 0, 0, "103%"),
    Q("免费为全区1282名85岁以上老年人健康体检,体检率95.67%", 2, 0, 1282, "人", 0, 0, "1282名"),
    Q("免费为全区1282名85岁以上老年人健康体检,体检率95.67%", 2, 1, 95.67, "%", 0, 2, "95.67%"),
    Q("总投资4996万元,两栋主体楼已完工", 2, 1, 2, "个", 0, 0, "两栋"),
    Q("筹募善款93万余元,比2020年增加14倍,名列五城区第二。", 2, 1, 14, "倍", 0, 0, "14倍"),
    Q("共保障城乡低保人员2454人,累计发放24586人次572.9853万元。", 3, 2, 5729853, "元", 0, 4, "572.9853万元"),
    Q("继续开展低保专项整治,共核查413户672人,取消低保120人。", 3, 0, 413, "户", 0, 0, "413户"),
    Q("发放生活补助69.9203万元,发放孤儿助学金16人次4.0833万元。", 3, 2, 40833, "元", 0, 4, "4.0833万元"),
    Q("对79名残疾儿童实施康复救助,完成年目标60人的131.67%", 3, 2, 131.67, "%", 0, 2, "131.67%"),
    Q("计划投资约6000万元、开设359张床位,建设区中心敬老院", 2, 0, 6e7, "元", 1, 0, "6000万元"),
    Q("计划投资约6000万元、开设359张床位,建设区中心敬老院", 2, 1, 359, "个", 0, 0, "359张"),
    Q("新建李万、文苑两家社会工作站", 1, 0, 2, "个", 0, 0, "两家"),
    Q("为遭受洪灾分散安置的7349名群众发放生活补助金296.51万元", 2, 1, 2965100, "元", 0, 2, "296.51万元"),

    /* changge-yearbook-2020 */
    Q("中心共推送疫情防控通告、辟谣稿件等1200多篇,制作推送抖音视频400多条", 2, 0, 1200, "个", 1, 0, "1200多篇"),
    Q("中心共推送疫情防控通告、辟谣稿件等1200多篇,制作推送抖音视频400多条", 2, 1, 400, "个", 1, 0, "400多条"),
    Q("短视频新闻播放量分别超过2400万次、3400万次。", 2, 0, 2.4e7, "个", 1, 0, "2400万次"),
    Q("短视频新闻播放量分别超过2400万次、3400万次。", 2, 1, 3.4e7, "个", 0, 0, "3400万次"),
    Q("“今日长葛”微信公众号关注人数达19.9万人", 1, 0, 199000, "人", 0, 1, "19.9万人"),
    Q("3月份“长葛头条”抖音单月播放量突破1亿。", 1, 0, 1e8, NULL, 0, 0, "1亿"),
    Q("首届网红才艺大赛等20余场大型直播报道活动,场均观众4.5万人。", 2, 0, 20, "个", 1, 0, "20余场"),
    Q("两周时间刊发各类稿件40余篇", 2, 0, 14, "天", 0, 0, "两周"),
    Q("刊发作品2.8万篇（条），发稿总量居全省", 1, 0, 28000, "个", 0, 1, "2.8万篇"),
    Q("问题处置回复率100%以上。", 1, 0, 100, "%", 1, 0, "100%"),
    Q("印发文件130余件,编发疫情防控工作各类专报、通报、简报400余期。", 2, 1, 400, "个", 1, 0, "400余期"),
    Q("全市乳腺癌筛查 14041 人,筛查率 108.01%。", 2, 1, 108.01, "%", 0, 2, "108.01%"),
    Q("应补种数 46408,已补种数 44983,补种率 96.90%。", 3, 0, 46408, NULL, 0, 0, "46408"),
    Q("应补种数 46408,已补种数 44983,补种率 96.90%。", 3, 2, 96.9, "%", 0, 2, "96.90%"),
    Q("过期疫苗共 3 种、853 支(卡介苗 633 支、A 群 3 支、麻风 217 支)。", 5, 3, 3, "个", 0, 0, "3 支"),
    Q("全市共报告 AEFI 病例 145 例,其中一般反应 142 例", 2, 0, 145, "个", 0, 0, "145 例"),
    Q("48 小时内报告率为 100%", 2, 0, 2, "天", 0, 0, "48 小时"),
    Q("长葛市第一批中选药品采购金额约172.09万元", 1, 0, 1720900, "元", 1, 2, "172.09万元"),
    Q("常住人口数为 69.86 万人,应拨付 4540.9 万元", 2, 1, 45409000, "元", 0, 1, "4540.9 万元"),
    Q("个人缴费及财政代缴居民保费 15911.04 万元", 1, 0, 159110400, "元", 0, 2, "15911.04 万元"),
    Q("总支出总体较上年增加 437.6 万元,增幅\n\n0.9%。", 2, 1, 0.9, "%", 0, 1, "0.9%"),
    Q("开展专题学习班 32 次,发放宣传彩页 8600 余份", 2, 1, 8600, "个", 1, 0, "8600 余份"),
    Q("每月可报销至 520 元。", 1, 0, 520, "元", 0, 0, "520 元"),
    Q("累计检测 8~10 岁儿童及孕妇盐样 204 份", 1, 0, 204, "个", 0, 0, "204 份"),
    Q("共支出 13810 万元;其中基本金支出 12337 万元(含个人账户 4711 万元)", 3, 2, 47110000, "元", 0, 0, "4711 万元"),
    Q("库 87 个共 225012.8 平方,排查", 2, 1, 225012.8, "平方米", 0, 1, "225012.8 平方"),
    Q("绿化面积 9 万 m²,土方 12 万方,目前", 2, 1, 120000, "立方米", 0, 0, "12 万方"),
    Q("绿化面积 9 万 m²,土方 12 万方,目前", 2, 0, 90000, "平方米", 0, 0, "9 万 m²"),
    Q("全年粮食总产量5.13万吨,增长", 1, 0, 51300, "吨", 0, 2, "5.13万吨"),
    Q("清理杂草杂物 8000 余方,重新", 1, 0, 8000, "立方米", 1, 0, "8000 余方"),
    Q("耕地面积 4278 亩,常住", 1, 0, 4278 * 10000.0 / 15, "平方米", 0, 0, "4278 亩"),
    Q("总面积 38.8 平方公里,其中", 1, 0, 38.8e6, "平方米", 0, 1, "38.8 平方公里"),
    Q("发放口罩、消毒液4200余斤", 1, 0, 2.1, "吨", 1, 0, "4200余斤"),

    /* full-width digits, separators, spaces */
    Q("全年完成８４０６人", 1, 0, 8406, "人", 0, 0, "８４０６人"),
    Q("筛查率７１．９％", 1, 0, 71.9, "%", 0, 1, "７１．９％"),
    Q("累计发放1,234,567元", 1, 0, 1234567, "元", 0, 0, "1,234,567元"),
    Q("共计１，２３４人。", 1, 0, 1234, "人", 0, 0, "１，２３４人"),
    Q("共计12,345.67元", 1, 0, 12345.67, "元", 0, 2, "12,345.67元"),
    Q("全年新增城镇就业3万人以上,零就业家庭", 1, 0, 30000, "人", 1, 0, "3万人"),
    Q("开展产前超声筛查11934例,筛查率", 1, 0, 11934, "个", 0, 0, "11934例"),
    Q("共计2,1234人", 2, 0, 2, NULL, 0, 0, "2"),
    Q("人数 5.48\xE3\x80\x80万人次", 1, 0, 54800, "人次", 0, 2, NULL),
    Q("人数为 8406\xC2\xA0人", 1, 0, 8406, "人", 0, 0, NULL),

    /* ranges */
    RANGE("就业3-5万人", 1, 0, 30000, 50000, "人", 0, 0, "3-5万人"),
    RANGE("每村10至15个", 1, 0, 10, 15, "个", 0, 0, "10至15个"),
    RANGE("每村10～15个", 1, 0, 10, 15, "个", 0, 0, "10～15个"),
    RANGE("每村10~15个", 1, 0, 10, 15, "个", 0, 0, "10~15个"),
    RANGE("五六百人参加", 1, 0, 500, 600, "人", 0, 0, "五六百人"),
    RANGE("投入三四十万元", 1, 0, 300000, 400000, "元", 0, 0, "三四十万元"),
    RANGE("就业3万-5万人", 1, 0, 30000, 50000, "人", 0, 0, "3万-5万人"),
    RANGE("比例10%-15%", 1, 0, 10, 15, "%", 0, 0, "10%-15%"),
    RANGE("部分村集体经济收入达到10-20万元", 1, 0, 100000, 200000, "元", 0, 0, "10-20万元"),
    RANGE("每周1.5-2小时", 1, 0, 1.5 / 24, 2.0 / 24, "天", 0, 1, "1.5-2小时"),
    RANGE("十五六个村", 1, 0, 15, 16, "个", 0, 0, "十五六个"),

    /* Chinese numerals */
    Q("两万人", 1, 0, 20000, "人", 0, 0, "两万人"),
    Q("三千五百人", 1, 0, 3500, "人", 0, 0, "三千五百人"),
    Q("十二个", 1, 0, 12, "个", 0, 0, "十二个"),
    Q("一万零一十二人", 1, 0, 10012, "人", 0, 0, "一万零一十二人"),
    Q("三千五百万元", 1, 0, 3.5e7, "元", 0, 0, "三千五百万元"),
    Q("一亿二千万元", 1, 0, 1.2e8, "元", 0, 0, "一亿二千万元"),
    Q("兩萬人", 1, 0, 20000, "人", 0, 0, "兩萬人"),
    Q("兩條道路", 1, 0, 2, "个", 0, 0, "兩條"),
    Q("占比达到百分之六十", 1, 0, 60, "%", 0, 0, "百分之六十"),
    Q("百分之百完成", 1, 0, 100, "%", 0, 0, "百分之百"),
    Q("百分之5.5", 1, 0, 5.5, "%", 0, 1, "百分之5.5"),
    Q("千分之五", 1, 0, 0.5, "%", 0, 0, "千分之五"),
    Q("超过三成", 1, 0, 30, "%", 1, 0, "三成"),
    Q("三点五万人", 1, 0, 35000, "人", 0, 0, "三点五万人"),
    Q("三十多个", 1, 0, 30, "个", 1, 0, "三十多个"),
    Q("二十余人", 1, 0, 20, "人", 1, 0, "二十余人"),
    Q("一百二十名", 1, 0, 120, "人", 0, 0, "一百二十名"),
    Q("三千米长", 1, 0, 3, "公里", 0, 0, "三千米"),
    Q("五项", 1, 0, 5, "个", 0, 0, "五项"),

    /* magnitudes and mixed forms */
    Q("3万5千人", 1, 0, 35000, "人", 0, 0, "3万5千人"),
    Q("1.2万余人", 1, 0, 12000, "人", 1, 1, "1.2万余人"),
    Q("1亿2000万元", 1, 0, 1.2e8, "元", 0, 0, "1亿2000万元"),
    Q("2千万元", 1, 0, 2e7, "元", 0, 0, "2千万元"),
    Q("5万亿元", 1, 0, 5e12, "元", 0, 0, "5万亿元"),
    Q("300万平方米", 1, 0, 3e6, "平方米", 0, 0, "300万平方米"),
    Q("10多万人", 1, 0, 100000, "人", 1, 0, "10多万人"),
    Q("1.5萬元", 1, 0, 15000, "元", 0, 1, "1.5萬元"),
    Q("2億元", 1, 0, 2e8, "元", 0, 0, "2億元"),
    Q("3万5千米", 2, 1, 5, "公里", 0, 0, "5千米"),

    /* units */
    Q("千分比3‰", 1, 0, 0.3, "%", 0, 0, "3‰"),
    Q("提高3.5个百分点", 1, 0, 3.5, "个百分点", 0, 1, "3.5个百分点"),
    Q("下降三个百分点", 1, 0, 3, "个百分点", 0, 0, "三个百分点"),
    Q("5公斤", 1, 0, 0.005, "吨", 0, 0, "5公斤"),
    Q("100亩", 1, 0, 100 * 10000.0 / 15, "平方米", 0, 0, "100亩"),
    Q("3000米", 1, 0, 3, "公里", 0, 0, "3000米"),
    Q("全长10km,", 1, 0, 10, "公里", 0, 0, "10km"),
    Q("面积50m²", 1, 0, 50, "平方米", 0, 0, "50m²"),
    Q("面积5㎡", 1, 0, 5, "平方米", 0, 0, "5㎡"),
    Q("为期3个月", 1, 0, 90, "天", 0, 0, "3个月"),
    Q("20個", 1, 0, 20, "个", 0, 0, "20個"),
    Q("30戶", 1, 0, 30, "户", 0, 0, "30戶"),
    Q("5場", 1, 0, 5, "个", 0, 0, "5場"),
    Q("8處", 1, 0, 8, "个", 0, 0, "8處"),
    Q("收购价2400元/吨", 1, 0, 2400, "元/吨", 0, 0, "2400元/吨"),
    Q("补贴5元/台", 1, 0, 5, "rate", 0, 0, "5元/台"),
    Q("装机30千瓦", 1, 0, 30, "千瓦", 0, 0, "30千瓦"),
    Q("1.2万m³", 1, 0, 12000, "立方米", 0, 1, "1.2万m³"),
    Q("手术台次 6865 台次, 同比", 1, 0, 6865, "个", 0, 0, "6865 台次"),
    Q("检查企业 250 家次，取缔", 1, 0, 250, "个", 0, 0, "250 家次"),

    /* approximations */
    Q("约3万人", 1, 0, 30000, "人", 1, 0, "3万人"),
    Q("近3万人", 1, 0, 30000, "人", 1, 0, "3万人"),
    Q("超过3万人", 1, 0, 30000, "人", 1, 0, "3万人"),
    Q("逾3000人", 1, 0, 3000, "人", 1, 0, "3000人"),
    Q("大约500人", 1, 0, 500, "人", 1, 0, "500人"),
    Q("将近500人", 1, 0, 500, "人", 1, 0, "500人"),
    Q("200人左右", 1, 0, 200, "人", 1, 0, "200人"),
    Q("200人上下", 1, 0, 200, "人", 1, 0, "200人"),
    Q("约 43 公里", 1, 0, 43, "公里", 1, 0, "43 公里"),
    Q("附近3个村", 1, 0, 3, "个", 0, 0, "3个"),
    Q("签约7.58万人", 1, 0, 75800, "人", 0, 2, "7.58万人"),
    Q("节约3万元", 1, 0, 30000, "元", 0, 0, "3万元"),

    /* malformed figures */
    BAD("随访率由上年的43.7%提升到75.51.63%。", 2, 1, 75.51, "%", 2, "75.51.63%"),
    BAD("筛查率60%%", 1, 0, 60, "%", 0, "60%%"),
    BAD("筛查率12.%", 1, 0, 12, "%", 0, "12.%"),
    BAD("共12..5", 1, 0, 12, NULL, 0, "12..5"),
    BAD("达到12..5%", 1, 0, 12, "%", 0, "12..5%"),
    BAD("完成12.万人", 1, 0, 120000, "人", 0, "12.万人"),
    BAD("比例1.2.3%", 1, 0, 1.2, "%", 1, "1.2.3%"),

    /* figures next to things that are not */
    Q("6月底前完成300户", 1, 0, 300, "户", 0, 0, "300户"),
    Q("2023年1月1日起,完成5项", 1, 0, 5, "个", 0, 0, "5项"),
    Q("1—9月完成投资8亿元", 1, 0, 8e8, "元", 0, 0, "8亿元"),
    Q("1-9月完成投资3亿元", 1, 0, 3e8, "元", 0, 0, "3亿元"),
    Q("第一批完成3个", 1, 0, 3, "个", 0, 0, "3个"),
    Q("一是提前学透政策。先后5次召开党政联席会", 1, 0, 5, "个", 0, 0, "5次"),
    Q("对S104沿线新建5座", 1, 0, 5, "个", 0, 0, "5座"),
    Q("5G基站新建120个", 1, 0, 120, "个", 0, 0, "120个"),
    Q("电话0395-1234567,完成3项", 1, 0, 3, "个", 0, 0, "3项"),
    Q("按〔2022〕10号文件要求完成8项", 1, 0, 8, "个", 0, 0, "8项"),
    Q("85岁以上老年人1282名", 1, 0, 1282, "人", 0, 0, "1282名"),
    Q("新建10千伏线路5公里", 1, 0, 5, "公里", 0, 0, "5公里"),
    Q("1. 辛店镇完成7个", 1, 0, 7, "个", 0, 0, "7个"),
    Q("（1）完成2项", 1, 0, 2, "个", 0, 0, "2项"),
    Q("8:30开始,接诊100人", 1, 0, 100, "人", 0, 0, "100人"),
    Q("2022年完成3757套", 1, 0, 3757, "个", 0, 0, "3757套"),
    Q("二级以上医院10家", 1, 0, 10, "个", 0, 0, "10家"),
    Q("“6+1+N”模式覆盖18个村", 1, 0, 18, "个", 0, 0, "18个"),
    Q("发送至lhdcms@163.com,收到5封", 1, 0, 5, "个", 0, 0, "5封"),
    Q("“四好农村路”建成12公里", 1, 0, 12, "公里", 0, 0, "12公里"),
    Q("31路公交覆盖17个行政村", 1, 0, 17, "个", 0, 0, "17个"),
    Q("4.创建5个市级义务教育标准化示范校", 1, 0, 5, "个", 0, 0, "5个"),
    Q("1\t*“人人持证、技能河南”\t\t21\t市级临床重点专科建设", 1, 0, 21, NULL, 0, 0, "21"),
    Q("年龄由原来的47岁下降到40岁,新增9个", 1, 0, 9, "个", 0, 0, "9个"),
    Q("第二名,发放30万元", 1, 0, 300000, "元", 0, 0, "30万元"),
    Q("连接107国道与省道,长3公里", 1, 0, 3, "公里", 0, 0, "3公里"),

    /* fractions: a proportion, so in percent */
    Q("全镇三分之一的村完成了人居环境整治", 1, 0, 100.0 / 3, "%", 0, 0, "三分之一"),
    Q("约3分之1的农户加入了农民专业合作社", 1, 0, 100.0 / 3, "%", 1, 0, "3分之1"),
    Q("五分之二的行政村集体经济收入超10万元", 2, 0, 40, "%", 0, 0, "五分之二"),
    Q("五分之二的行政村集体经济收入超10万元", 2, 1, 100000, "元", 1, 0, "10万元"),
    Q("将十分之一的奖补资金用于村级道路维护", 1, 0, 10, "%", 0, 0, "十分之一"),
    Q("脱贫户家庭经营性收入占比超过三分之二", 1, 0, 200.0 / 3, "%", 1, 0, "三分之二"),
    Q("三分之一以上的乡镇建成标准化卫生院", 1, 0, 100.0 / 3, "%", 1, 0, "三分之一"),
    Q("全市3分之2的中小学校开设课后服务", 1, 0, 200.0 / 3, "%", 0, 0, "3分之2"),
    Q("孕产妇死亡率控制在万分之三以内", 1, 0, 0.03, "%", 0, 0, "万分之三"),
    Q("四分之三的社区建成养老服务站,覆盖老年人2.3万人", 2, 0, 75, "%", 0, 0, "四分之三"),
    Q("四分之三的社区建成养老服务站,覆盖老年人2.3万人", 2, 1, 23000, "人", 0, 1, "2.3万人"),
    Q("百分之三十以上的村建成电商服务站", 1, 0, 30, "%", 1, 0, "百分之三十"),
    Q("10分之1.5的资金", 1, 0, 15, "%", 0, 1, "10分之1.5"),

    /* 大写 numerals: amounts and receipts */
    Q("合同金额人民币壹佰贰拾叁万元整", 1, 0, 1230000, "元", 0, 0, "壹佰贰拾叁万元"),
    Q("本次改造共涉及叁仟户居民", 1, 0, 3000, "户", 0, 0, "叁仟户"),
    Q("中标价为人民币伍拾万元整", 1, 0, 500000, "元", 0, 0, "伍拾万元"),
    Q("大写：壹拾伍万圆整", 1, 0, 150000, "元", 0, 0, "壹拾伍万圆"),
    Q("拨付专项资金贰佰肆拾万元", 1, 0, 2400000, "元", 0, 0, "贰佰肆拾万元"),
    Q("补助金额陆万柒仟捌佰玖拾元", 1, 0, 67890, "元", 0, 0, "陆万柒仟捌佰玖拾元"),
    Q("收取履约保证金捌仟零伍拾元", 1, 0, 8050, "元", 0, 0, "捌仟零伍拾元"),
    Q("项目总投资壹亿贰仟万元", 1, 0, 1.2e8, "元", 0, 0, "壹亿贰仟万元"),
    Q("撥付資金貳萬參仟元", 1, 0, 23000, "元", 0, 0, "貳萬參仟元"),
    Q("每戶補助陸佰元", 1, 0, 600, "元", 0, 0, "陸佰元"),
    Q("每人奖励伍元", 1, 0, 5, "元", 0, 0, "伍元"),
    Q("完成玖拾玖户危房改造", 1, 0, 99, "户", 0, 0, "玖拾玖户"),
    Q("金额壹拾万零伍佰元", 1, 0, 100500, "元", 0, 0, "壹拾万零伍佰元"),
    Q("培训肆仟贰佰人次", 1, 0, 4200, "人次", 0, 0, "肆仟贰佰人次"),
    Q("设置公益岗位柒拾捌个", 1, 0, 78, "个", 0, 0, "柒拾捌个"),
    Q("组建志愿者队伍两个", 1, 0, 2, "个", 0, 0, "两个"),
    Q("新兵入伍三人", 1, 0, 3, "人", 0, 0, "三人"),

    /* the forms of the issue, as reports write them */
    Q("十一个乡镇全部通过验收", 1, 0, 11, "个", 0, 0, "十一个"),
    Q("累计完成危房改造一百零五户", 1, 0, 105, "户", 0, 0, "一百零五户"),
    Q("全县共有脱贫户一万零一十二户", 1, 0, 10012, "户", 0, 0, "一万零一十二户"),
    Q("项目总投资三千五百万元,已完成投资一亿二千万元", 2, 1, 1.2e8, "元", 0, 0, "一亿二千万元"),
    Q("新增城镇就业三点五万人", 1, 0, 35000, "人", 0, 0, "三点五万人"),
    Q("新增就业两万人", 1, 0, 20000, "人", 0, 0, "两万人"),
    Q("群众满意度达到百分之六十", 1, 0, 60, "%", 0, 0, "百分之六十"),
    Q("发病率控制在千分之五以下", 1, 0, 0.5, "%", 0, 0, "千分之五"),
    Q("贫困人口减少三成", 1, 0, 30, "%", 0, 0, "三成"),
    Q("贫困户近5成实现稳定增收", 1, 0, 50, "%", 1, 0, "5成"),
    Q("全年接待游客3万5千人", 1, 0, 35000, "人", 0, 0, "3万5千人"),
    Q("培训农民1.2万余人", 1, 0, 12000, "人", 1, 1, "1.2万余人"),
    Q("新增就业2万余人次", 1, 0, 20000, "人次", 1, 0, "2万余人次"),
    RANGE("每年转移就业3-5万人", 1, 0, 30000, 50000, "人", 0, 0, "3-5万人"),
    RANGE("每村设置10至15个公益岗位", 1, 0, 10, 15, "个", 0, 0, "10至15个"),
    RANGE("五六百名志愿者参加", 1, 0, 500, 600, "人", 0, 0, "五六百名"),
    Q("约200人参加培训", 1, 0, 200, "人", 1, 0, "200人"),
    Q("近3000户群众受益", 1, 0, 3000, "户", 1, 0, "3000户"),
    Q("实现超过450人次青少年个案咨询", 1, 0, 450, "人次", 1, 0, "450人次"),
    Q("累计发放补贴资金1,234,567元", 1, 0, 1234567, "元", 0, 0, "1,234,567元"),
    Q("全年完成１２３４５人", 1, 0, 12345, "人", 0, 0, "１２３４５人"),
    Q("占比１２．５％", 1, 0, 12.5, "%", 0, 1, "１２．５％"),
    Q("占比１２．５％的村", 1, 0, 12.5, "%", 0, 1, "１２．５％"),
    Q("占比１２．５％，同比提高１．２个百分点", 2, 1, 1.2, "个百分点", 0, 1, "１．２个百分点"),
    Q("达到１２．５", 1, 0, 12.5, NULL, 0, 1, "１２．５"),
    Q("１．５万人参加", 1, 0, 15000, "人", 0, 1, "１．５万人"),
    Q("新建标准化厂房3000㎡", 1, 0, 3000, "平方米", 0, 0, "3000㎡"),
    Q("改造面积1.2万m²", 1, 0, 12000, "平方米", 0, 1, "1.2万m²"),
    Q("新建农村公路25km", 1, 0, 25, "公里", 0, 0, "25km"),

    /* round figures: a magnitude alone after a word of approximation */
    Q("逾千人参加义诊活动", 1, 0, 1000, "人", 1, 0, "千人"),
    Q("带动上千户群众增收", 1, 0, 1000, "户", 1, 0, "千户"),
    Q("274家企业已有近百家完成整改", 2, 1, 100, "个", 1, 0, "百家"),
    Q("实现财政一般公共预算收入超亿元", 1, 0, 1e8, "元", 1, 0, "亿元"),
    Q("惠及近万名群众", 1, 0, 1e4, "人", 1, 0, "万名"),
    Q("累计投入超千万元", 1, 0, 1e7, "元", 1, 0, "千万元"),
    Q("上百万元的设备", 1, 0, 1e6, "元", 1, 0, "百万元"),
};

static int close_to(double a, double b)
{
    double scale = fabs(a) > fabs(b) ? fabs(a) : fabs(b);

    return fabs(a - b) <= 1e-9 * (scale > 1 ? scale : 1);
}

START_TEST(test_quantity_case)
{
    const quantity_case *c = &quantity_cases[_i];
    audit_quantity_list list = {NULL, 0, 0};
    size_t len = strlen(c->text), n;
    const audit_quantity *q;

    n = audit_quantity_scan(c->text, len, &list);
    ck_assert_msg((int)n == c->count && (int)list.len == c->count,
                  "%s: %zu quantities, expected %d", c->text, n, c->count);
    q = &list.items[c->index];
    ck_assert_msg(close_to(q->value, c->value), "%s: value %.10g, expected %.10g",
                  c->text, q->value, c->value);
    ck_assert_msg(close_to(q->high, c->high), "%s: high %.10g, expected %.10g",
                  c->text, q->high, c->high);
    if (c->unit == NULL) {
        ck_assert_msg(q->unit == NULL && q->dim == AUDIT_DIM_NONE,
                      "%s: unit %s, expected none", c->text, q->unit);
    } else {
        ck_assert_msg(q->unit != NULL && strcmp(q->unit, c->unit) == 0,
                      "%s: unit %s, expected %s", c->text,
                      q->unit ? q->unit : "(none)", c->unit);
    }
    ck_assert_msg((int)q->approx == c->approx, "%s: approx %d", c->text, q->approx);
    ck_assert_msg((int)q->range == c->range, "%s: range %d", c->text, q->range);
    ck_assert_msg((int)q->malformed == c->malformed, "%s: malformed %d", c->text,
                  q->malformed);
    ck_assert_msg(q->decimals == c->decimals, "%s: decimals %d, expected %d",
                  c->text, q->decimals, c->decimals);
    ck_assert_msg(q->role == AUDIT_ROLE_OTHER, "%s: role", c->text);
    ck_assert(q->start < q->end && q->end <= len);
    if (c->span) {
        ck_assert_msg(q->end - q->start == strlen(c->span) &&
                          memcmp(c->text + q->start, c->span, strlen(c->span)) == 0,
                      "%s: span \"%.*s\", expected \"%s\"", c->text,
                      (int)(q->end - q->start), c->text + q->start, c->span);
    }
    audit_quantity_list_free(&list);
}
END_TEST

/* Phrases in which nothing is a quantity. */
static const char *const not_quantity_cases[] = {
    /* dates, periods, times */
    "2022年", "2022 年", "7月1日", "7 月 1 日", "12月底", "1—9月", "1-9月",
    "2023年1月1日", "上半年", "3月份", "2024年1月23日", "8月25日前",
    "8:30", "8时", "10点", "2022", "2020年度", "2020-2022年", "2023-01-01",
    "2020/12/31", "十一月", "二〇二二年", "截至 12 月 31 日",
    /* ordinals and list markers */
    "第二", "第3", "第一批", "第 3 名", "第十二届", "1.持续推进", "1. 辛店镇",
    "2、", "(1)", "（1）", "(一)", "（二）", "①", "一是", "三是", "十、",
    "。2. 农村环境", "(1~39)", "自2023.5起实施", "2023.10起",
    /* names, codes, identifiers */
    "S104", "5G", "4S店", "G4", "lhdcms@163.com", "LED", "APP", "31路",
    "30路", "5号线", "〔2022〕10号", "[2022]", "0395-1234567",
    "13812345678", "“6+1+N”", "3.1.2 总则", "192.168.1.1", "COVID-19",
    "v1.2", "No.5", "107国道", "3#楼", "&#12288;", "PM2.5", "5A级景区", "110kV", "“8·26”事故", "工程编号 0001",
    "四好农村路", "一卡通", "两委", "八一期间", "三八红旗集体", "零就业家庭",
    /* qualifiers */
    "85岁以上老年人", "60周岁", "10千伏及以下线路", "二级以上", "三级",
    "0~6 岁", "90后", "一二级重残",
    /* Chinese numerals that count nothing */
    "一张严密的疫情防控大网", "一起", "三方协议", "农用三轮车", "十佳",
    "平均年龄由原来的47岁下降到40岁",
    /* the issue's list of things that are not figures */
    "2022年7月1日", "10时30分", "10时30分之前", "1.", "１．", "3.\n",
    "G4高速", "豫政〔2022〕5号", "二级以上医院",
    /* vague and idiomatic amounts */
    "数十个", "几百人", "几十个", "数百人", "数千户", "数十万元", "十几个",
    "成千上万人", "成百上千", "线上千人大会", "千人计划", "万人空巷", "近百年",
    "上千万", "百分之",
    /* 大写 characters in words, and fractions that are none */
    "拾金不昧", "把垃圾拾起来", "陆家嘴", "伍位", "水陆两栖", "大陆地区",
    "三分之", "十分重要", "圆满完成",
    /* one numeral keeps to one form, so that 队伍百人 is no 伍百 */
    "三拾个", "壹百元",
};

START_TEST(test_not_quantity)
{
    const char *text = not_quantity_cases[_i];
    audit_quantity_list list = {NULL, 0, 0};
    size_t n = audit_quantity_scan(text, strlen(text), &list);

    ck_assert_msg(n == 0 && list.len == 0, "%s: %zu quantities, first \"%.*s\"",
                  text, n, n ? (int)(list.items[0].end - list.items[0].start) : 0,
                  n ? text + list.items[0].start : "");
    audit_quantity_list_free(&list);
}
END_TEST

/* Dimensions and canonical units. */
typedef struct unit_case {
    const char *text;
    const char *unit;
    audit_dim dim;
} unit_case;

static const unit_case unit_cases[] = {
    {"3人", "人", AUDIT_DIM_PERSONS},
    {"3名", "人", AUDIT_DIM_PERSONS},
    {"3位", "人", AUDIT_DIM_PERSONS},
    {"3人次", "人次", AUDIT_DIM_PERSONS},
    {"3户", "户", AUDIT_DIM_HOUSEHOLDS},
    {"3座", "个", AUDIT_DIM_COUNT},
    {"3场次", "个", AUDIT_DIM_COUNT},
    {"3例", "个", AUDIT_DIM_COUNT},
    {"3千米", "公里", AUDIT_DIM_LENGTH},
    {"3米", "公里", AUDIT_DIM_LENGTH},
    {"3公顷", "平方米", AUDIT_DIM_AREA},
    {"3亿元", "元", AUDIT_DIM_MONEY},
    {"3%", "%", AUDIT_DIM_PERCENT},
    {"3个百分点", "个百分点", AUDIT_DIM_POINTS},
    {"3吨", "吨", AUDIT_DIM_WEIGHT},
    {"3千克", "吨", AUDIT_DIM_WEIGHT},
    {"3立方米", "立方米", AUDIT_DIM_VOLUME},
    {"3天", "天", AUDIT_DIM_TIME},
    {"3倍", "倍", AUDIT_DIM_MULTIPLE},
    {"3元/人月", "元/人月", AUDIT_DIM_OTHER},
    {"3万", NULL, AUDIT_DIM_NONE},
};

START_TEST(test_unit_case)
{
    const unit_case *c = &unit_cases[_i];
    audit_quantity q;

    ck_assert_int_eq(audit_quantity_parse(c->text, strlen(c->text), &q), 0);
    ck_assert_msg(q.dim == c->dim, "%s: dim %s", c->text, audit_dim_name(q.dim));
    if (c->unit)
        ck_assert_str_eq(q.unit, c->unit);
    else
        ck_assert_ptr_null(q.unit);
}
END_TEST

/* audit_quantity_parse: exactly one quantity. */
typedef struct parse_case {
    const char *text;
    int ok;
    double value;
    const char *unit;
    int approx;
} parse_case;

static const parse_case parse_cases[] = {
    {"2.8万人次", 1, 28000, "人次", 0},
    {"28000人次", 1, 28000, "人次", 0},
    {"60%", 1, 60, "%", 0},
    {"26万", 1, 260000, NULL, 0},
    {"百分之六十", 1, 60, "%", 0},
    {"1.3倍", 1, 1.3, "倍", 0},
    {"16.38万户", 1, 163800, "户", 0},
    {"42.37万平方米", 1, 423700, "平方米", 0},
    {"3亿元", 1, 3e8, "元", 0},
    {"130千米", 1, 130, "公里", 0},
    {" 3757 套 ", 1, 3757, "个", 0},
    {"\t8406 人\n", 1, 8406, "人", 0},
    {"约3万人", 1, 30000, "人", 1},
    {"3万人左右", 1, 30000, "人", 1},
    {"3万人以上", 1, 30000, "人", 1},
    {"3600余人次", 1, 3600, "人次", 1},
    {"2022", 1, 2022, NULL, 0},
    {"三千五百", 1, 3500, NULL, 0},
    {"两万人", 1, 20000, "人", 0},
    {"0395", 1, 395, NULL, 0},
    {"", 0, 0, NULL, 0},
    {"   ", 0, 0, NULL, 0},
    {"abc", 0, 0, NULL, 0},
    {"60%人口", 0, 0, NULL, 0},
    {"3万人 5万人", 0, 0, NULL, 0},
    {"第3名", 0, 0, NULL, 0},
    {"2022年", 0, 0, NULL, 0},
    {"人", 0, 0, NULL, 0},
    {"约", 0, 0, NULL, 0},
    {"5G", 0, 0, NULL, 0},
    {"1、", 0, 0, NULL, 0},
    {"85岁", 0, 0, NULL, 0},
    {"万人", 0, 0, NULL, 0},
    {"三分之一", 1, 100.0 / 3, "%", 0},
    {"约三分之一", 1, 100.0 / 3, "%", 1},
    {"3分之1", 1, 100.0 / 3, "%", 0},
    {"壹佰贰拾叁万元", 1, 1230000, "元", 0},
    {"叁仟户", 1, 3000, "户", 0},
    {"逾千人", 1, 1000, "人", 1},
    {"分之一", 0, 0, NULL, 0},
    {"三分之", 0, 0, NULL, 0},
};

START_TEST(test_parse_case)
{
    const parse_case *c = &parse_cases[_i];
    audit_quantity q;
    int rc = audit_quantity_parse(c->text, strlen(c->text), &q);

    ck_assert_msg(rc == (c->ok ? 0 : -1), "\"%s\": rc %d", c->text, rc);
    if (!c->ok)
        return;
    ck_assert_msg(close_to(q.value, c->value), "%s: value %.10g", c->text, q.value);
    if (c->unit)
        ck_assert_str_eq(q.unit, c->unit);
    else
        ck_assert_ptr_null(q.unit);
    ck_assert_int_eq(q.approx, c->approx);
}
END_TEST

/* audit_unit_compatible. */
static const struct {
    const char *a, *b;
    int compatible;
} compatible_cases[] = {
    {"3人", "5人次", 1},       {"3人", "5名", 1},
    {"3个", "5套", 1},         {"3套", "5座", 1},
    {"11934例", "12个", 1},    {"130千米", "12公里", 1},
    {"3亩", "3公顷", 1},       {"5吨", "5公斤", 1},
    {"2天", "3个月", 1},       {"26万", "25.9万", 1},
    {"30千瓦", "30千瓦", 1},   {"440元/人月", "572元/人·月", 1},
    {"3户", "3人", 0},         {"3%", "3个百分点", 0},
    {"3元", "440元/人月", 0},  {"5元/台", "5元/台", 0},
    {"26万", "26万人", 0},     {"1.3倍", "130%", 0},
    {"30千瓦", "30度", 0},     {"11934例", "100人", 0},
};

START_TEST(test_compatible_case)
{
    audit_quantity a, b;
    const char *ta = compatible_cases[_i].a, *tb = compatible_cases[_i].b;

    ck_assert_int_eq(audit_quantity_parse(ta, strlen(ta), &a), 0);
    ck_assert_int_eq(audit_quantity_parse(tb, strlen(tb), &b), 0);
    ck_assert_msg(audit_unit_compatible(&a, &b) == compatible_cases[_i].compatible,
                  "%s vs %s", ta, tb);
    ck_assert_msg(audit_unit_compatible(&b, &a) == compatible_cases[_i].compatible,
                  "%s vs %s", tb, ta);
}
END_TEST

START_TEST(test_dim_names)
{
    ck_assert_str_eq(audit_dim_name(AUDIT_DIM_NONE), "none");
    ck_assert_str_eq(audit_dim_name(AUDIT_DIM_PERSONS), "persons");
    ck_assert_str_eq(audit_dim_name(AUDIT_DIM_HOUSEHOLDS), "households");
    ck_assert_str_eq(audit_dim_name(AUDIT_DIM_COUNT), "count");
    ck_assert_str_eq(audit_dim_name(AUDIT_DIM_LENGTH), "length");
    ck_assert_str_eq(audit_dim_name(AUDIT_DIM_PERCENT), "percent");
    ck_assert_str_eq(audit_dim_name(AUDIT_DIM_OTHER), "other");
    ck_assert_str_eq(audit_dim_name((audit_dim)99), "unknown");
}
END_TEST

/* Offsets are relative to the text passed, in bytes, and the list grows. */
START_TEST(test_offsets_and_append)
{
    const char *text = "完成情况:全年对2300户特殊困难老年人家庭实施了适老化改造。";
    audit_quantity_list list = {NULL, 0, 0};
    const char *at = strstr(text, "2300");

    ck_assert_uint_eq(audit_quantity_scan(text, strlen(text), &list), 1);
    ck_assert_uint_eq(list.items[0].start, (size_t)(at - text));
    ck_assert_uint_eq(list.items[0].end, (size_t)(at - text) + strlen("2300户"));
    /* a second scan appends */
    ck_assert_uint_eq(audit_quantity_scan("3万人", strlen("3万人"), &list), 1);
    ck_assert_uint_eq(list.len, 2);
    ck_assert_uint_eq(list.items[1].start, 0);
    for (int i = 0; i < 100; i++)
        audit_quantity_scan("1人2人3人", strlen("1人2人3人"), &list);
    ck_assert_uint_eq(list.len, 302);
    ck_assert(list.cap >= list.len);
    audit_quantity_list_free(&list);
    ck_assert_ptr_null(list.items);
    ck_assert_uint_eq(list.len, 0);
    audit_quantity_list_free(&list);
    audit_quantity_list_free(NULL);
}
END_TEST

/* Only the given length is read: no reliance on a terminating NUL. */
START_TEST(test_length_is_respected)
{
    const char text[] = "完成8406人，筛查率71.9%";
    size_t cut = strlen("完成8406人，筛查率71");
    char *copy = malloc(cut);
    audit_quantity_list list = {NULL, 0, 0};

    memcpy(copy, text, cut);
    audit_quantity_scan(copy, cut, &list);
    ck_assert_uint_eq(list.len, 2);
    ck_assert(list.items[1].dim == AUDIT_DIM_NONE);
    ck_assert(close_to(list.items[1].value, 71));
    audit_quantity_list_free(&list);
    free(copy);
}
END_TEST

static char *repeat(const char *piece, size_t times, size_t *len)
{
    size_t n = strlen(piece);
    char *s = malloc(n * times + 1);

    for (size_t i = 0; i < times; i++)
        memcpy(s + i * n, piece, n);
    s[n * times] = '\0';
    *len = n * times;
    return s;
}

/* A 10,000-digit number is one malformed quantity with a finite value when
 * it has a unit, and a code (nothing) when it has none. */
START_TEST(test_huge_number)
{
    size_t len;
    char *digits = repeat("9", 10000, &len);
    char *with_unit = malloc(len + 4);
    audit_quantity_list list = {NULL, 0, 0};
    audit_quantity q;

    memcpy(with_unit, digits, len);
    memcpy(with_unit + len, "人", 3);
    audit_quantity_scan(with_unit, len + 3, &list);
    ck_assert_uint_eq(list.len, 1);
    ck_assert(list.items[0].malformed);
    ck_assert(isfinite(list.items[0].value));
    ck_assert_uint_eq(list.items[0].end, len + 3);
    audit_quantity_list_free(&list);

    ck_assert_uint_eq(audit_quantity_scan(digits, len, &list), 0);
    ck_assert_int_eq(audit_quantity_parse(with_unit, len + 3, &q), 0);
    ck_assert(q.malformed && isfinite(q.value));

    /* Chinese magnitudes that overflow: "一亿亿…亿人" */
    free(with_unit);
    with_unit = malloc(3 + 3 * 200 + 3 + 1);
    memcpy(with_unit, "一", 3);
    for (int i = 0; i < 200; i++)
        memcpy(with_unit + 3 + 3 * i, "亿", 3);
    memcpy(with_unit + 3 + 3 * 200, "人", 3);
    audit_quantity_scan(with_unit, 3 + 3 * 200 + 3, &list);
    ck_assert_uint_eq(list.len, 1);
    ck_assert(list.items[0].malformed && isfinite(list.items[0].value));
    audit_quantity_list_free(&list);
    ck_assert_int_eq(audit_quantity_parse(with_unit, 3 + 3 * 200, &q), 0);
    ck_assert(q.malformed && isfinite(q.value) && isfinite(q.high));

    /* 10,000 decimals */
    digits[1] = '.';
    ck_assert_int_eq(audit_quantity_parse(digits, len, &q), 0);
    ck_assert(q.malformed && isfinite(q.value));
    free(digits);
    free(with_unit);
}
END_TEST

/* Long runs of every kind of piece scan in linear time; the Check timeout
 * catches a quadratic step. */
static const char *const run_pieces[] = {
    "1", "一", "万", "十", "1-", "1.", "1,", "1，", "１", "余", " ", "\xE3\x80\x80",
    "第", "约", "3万", "1万人、", "一二", "百分之", "12..", "1:", "S1", "@1",
    "(1)", "1、", "五六", "2022-", "%", "1%%", "零", "点", "千米", "1/",
    "1元/", "1～", "2022年", "1.2.", "二〇", "十百", "3万5", "a", "亿",
    "一亿", "1亿", "三分之", "分之一", "3分之", "壹", "拾", "上千", "逾万",
    "数十", "伍两", "壹佰", "近百家", "万分之",
};

START_TEST(test_long_runs)
{
    size_t len;
    char *s = repeat(run_pieces[_i], 60000 / strlen(run_pieces[_i]) + 1, &len);
    audit_quantity_list list = {NULL, 0, 0};
    audit_quantity q;

    audit_quantity_scan(s, len, &list);
    for (size_t k = 0; k < list.len; k++) {
        ck_assert(list.items[k].start < list.items[k].end);
        ck_assert(list.items[k].end <= len);
        ck_assert(k == 0 || list.items[k].start >= list.items[k - 1].end);
        ck_assert(isfinite(list.items[k].value) && isfinite(list.items[k].high));
    }
    audit_quantity_list_free(&list);
    (void)audit_quantity_parse(s, len, &q);
    free(s);
}
END_TEST

/* Arbitrary bytes, every truncation of real phrases, and broken UTF-8
 * never crash or read outside the text (ASan watches). */
START_TEST(test_hostile_bytes)
{
    uint32_t seed = 12345;
    const size_t len = 1 << 18;
    unsigned char *s = malloc(len);
    static const char *const alphabet[] = {
        "1", "9", ".", ",", "-", "万", "亿", "人", "次", "%", "余", "约", "第",
        "年", "月", "一", "两", "十", "百分之", "千米", "元/", "、", "(", ")",
        " ", "\n", "\xE4", "\xB8", "\x80", "\xFF", "A", "@", "·", "＋", "：",
    };
    audit_quantity_list list = {NULL, 0, 0};
    audit_quantity q;

    for (size_t i = 0; i < len;) {
        seed = seed * 1103515245u + 12345u;
        const char *piece = alphabet[(seed >> 16) % (sizeof alphabet / sizeof *alphabet)];
        size_t n = strlen(piece);
        if (i + n > len)
            break;
        memcpy(s + i, piece, n);
        i += n;
    }
    audit_quantity_scan((const char *)s, len, &list);
    for (size_t k = 0; k < list.len; k++) {
        ck_assert(list.items[k].start < list.items[k].end);
        ck_assert(list.items[k].end <= len);
    }
    audit_quantity_list_free(&list);

    for (size_t i = 0; i < sizeof quantity_cases / sizeof *quantity_cases; i++) {
        const char *text = quantity_cases[i].text;
        size_t n = strlen(text);
        for (size_t cut = 0; cut <= n; cut++) {
            char *copy = malloc(cut ? cut : 1);
            memcpy(copy, text, cut);
            audit_quantity_scan(copy, cut, &list);
            for (size_t k = 0; k < list.len; k++)
                ck_assert(list.items[k].end <= cut);
            audit_quantity_list_free(&list);
            (void)audit_quantity_parse(copy, cut, &q);
            free(copy);
        }
    }
    free(s);
}
END_TEST

static Suite *quantity_suite(void)
{
    Suite *s = suite_create("quantity");
    TCase *tc = tcase_create("scan");

    tcase_add_loop_test(tc, test_quantity_case, 0,
                        (int)(sizeof quantity_cases / sizeof quantity_cases[0]));
    tcase_add_loop_test(tc, test_not_quantity, 0,
                        (int)(sizeof not_quantity_cases / sizeof not_quantity_cases[0]));
    tcase_add_test(tc, test_offsets_and_append);
    tcase_add_test(tc, test_length_is_respected);
    suite_add_tcase(s, tc);

    tc = tcase_create("parse");
    tcase_add_loop_test(tc, test_unit_case, 0,
                        (int)(sizeof unit_cases / sizeof unit_cases[0]));
    tcase_add_loop_test(tc, test_parse_case, 0,
                        (int)(sizeof parse_cases / sizeof parse_cases[0]));
    tcase_add_loop_test(tc, test_compatible_case, 0,
                        (int)(sizeof compatible_cases / sizeof compatible_cases[0]));
    tcase_add_test(tc, test_dim_names);
    suite_add_tcase(s, tc);

    tc = tcase_create("robustness");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_huge_number);
    tcase_add_loop_test(tc, test_long_runs, 0,
                        (int)(sizeof run_pieces / sizeof run_pieces[0]));
    tcase_add_test(tc, test_hostile_bytes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return audit_check_run(quantity_suite());
}
