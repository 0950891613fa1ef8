"""Labels of the dashboard's account and feature views (issue 17): big deals and the
book grouped by industry, region and source; requirements' progress, expected date and
risk; the week's big movements in the report; and their refusals."""

LABELS: dict[str, tuple[str, str]] = {
    # customers screen: the view key (b) and its views
    "customers.key.view": ("Deals / group by", "大单 / 分组"),
    "customers.key.view.short": ("Group", "分组"),
    "customers.key.source": ("Filter by source", "按来源筛选"),
    "customers.view.table": ("all customers", "全部客户"),
    "customers.view.deals": ("big deals", "大单"),
    "customers.view.industry": ("by industry", "按行业"),
    "customers.view.region": ("by region", "按区域"),
    "customers.view.source": ("by source", "按来源"),
    "customers.status.view": ("b view: {view}", "b 视图：{view}"),
    "customers.status.deals": (
        "open opportunities, largest deal first",
        "未成交商机，按金额从大到小",
    ),
    "customers.status.group": (
        "enter lists a group's customers",
        "回车查看该组客户",
    ),
    "customers.deals.title": (
        "Big deals: {n} open, {total} in all",
        "大单：{n} 个商机，合计 {total}",
    ),
    "customers.deals.empty": (
        "No open opportunity yet (e sets a customer's stage and deal).",
        "还没有未成交的商机（按 e 设置客户阶段和金额）。",
    ),
    "customers.group.title": ("Customers {view} ({n})", "客户{view}（{n} 组）"),
    "customers.group.none": ("(not set)", "（未填）"),
    "customers.group.empty": ("No customers to group yet.", "还没有可分组的客户。"),
    "customers.group.col.accounts": ("Accts", "客户数"),
    "customers.group.col.customers": ("Cust", "在用"),
    "customers.group.col.opportunities": ("Opps", "商机"),
    "customers.group.col.pipeline": ("Pipeline", "商机金额"),
    "customers.group.col.share": ("Share", "占比"),
    "customers.group.col.churn_risks": ("Risks", "流失风险"),
    "customers.group.card": (
        "{n} {n|account|accounts} · {customers} in use · {opps} open {opps|opportunity|"
        "opportunities} worth {pipeline} ({share} of the pipeline) · {risks} churn "
        "{risks|risk|risks}",
        "{n} 个客户 · 在用 {customers} · 商机 {opps} 个，金额 {pipeline}（占商机 {share}）"
        " · 流失风险 {risks}",
    ),
    "customers.group.biggest": ("Biggest deals: {names}", "最大商机：{names}"),
    "customers.group.no_deals": ("No open opportunity here.", "该组没有未成交的商机。"),
    "customers.group.hint": ("enter: this group's customers", "回车：查看该组客户"),
    # customers ls --by
    "cli.cust.by_head": (
        "{key}  accounts  customers  opportunities  pipeline  share  churn risks",
        "{key}  客户数  在用  商机数  商机金额  占比  流失风险",
    ),
    "cli.cust.deals_total": (
        "{n} open {n|opportunity|opportunities}, {total} in all",
        "{n} 个未成交商机，合计 {total}",
    ),
    "cli.cust.group_empty": ("No customers to group yet.", "还没有可分组的客户。"),
    "field.group": ("grouping", "分组"),
    # weekly report: the week's big movements (worded in the report's language)
    "report.big_moves": ("Big movements", "大单与重点客户动态"),
    "report.pipeline": (
        "Pipeline: {n} open {n|opportunity|opportunities}, {total} in all; largest: {names}",
        "商机池：{n} 个未成交商机，合计 {total}；最大：{names}",
    ),
    "report.move.new": ("new opportunity", "新增商机"),
    "report.move.won": ("won", "成交"),
    "report.move.lost": ("lost", "丢单"),
    "report.move.at-risk": ("now a churn risk", "出现流失风险"),
    "report.move.recovered": ("out of churn risk", "解除流失风险"),
    "report.move.churned": ("churned", "已流失"),
    "report.move.cooled": ("back to lead", "退回线索"),
    "report.move.moved": ("moved", "阶段变更"),
    "report.move.line": (
        "{name}: {old} → {new} ({what}{extra})",
        "{name}：{old} → {new}（{what}{extra}）",
    ),
    "report.move.line_new": ("{name}: {what}{extra}", "{name}：{what}{extra}"),
    # requirements: progress, expected date, risk
    "req.risk.none": ("none", "无"),
    "req.risk.low": ("low", "低"),
    "req.risk.high": ("high", "高"),
    "req.risk.unset": ("—", "—"),
    "req.col.progress": ("Progress", "进度"),
    "req.col.expected": ("Expected", "预计"),
    "req.col.risk": ("Risk", "风险"),
    "req.col.risk_reason": ("Risk reason", "风险原因"),
    "req.key.progress": ("Progress & risk", "进度与风险"),
    "req.key.progress.short": ("Progress", "进度"),
    "req.key.sort": ("Sort: stage / risk", "排序：阶段 / 风险"),
    "req.key.sort.short": ("Sort", "排序"),
    "req.sort.stage": ("sorted by stage", "按阶段排序"),
    "req.sort.risk": ("sorted by risk", "按风险排序"),
    "req.form.progress": ("Progress and risk of #{id}", "#{id} 的进度与风险"),
    "req.form.progress_value": ("Progress (0–100%)", "进度（0–100%）"),
    "req.form.expected": (
        "Expected date (2026-12-20, fri, +14)",
        "预计完成（2026-12-20、fri、+14）",
    ),
    "req.form.risk": ("Risk", "风险"),
    "req.form.risk_reason": (
        "Why (one line; needed for low and high)",
        "原因（一句话；低、高风险必填）",
    ),
    "req.note.progress": (
        "#{id} {title}: {progress}, risk {risk}",
        "#{id} {title}：{progress}，风险{risk}",
    ),
    "req.progress.not_tracked": (
        "#{id} is {status}: progress is kept only for planned work and work in development.",
        "#{id} 处于{status}：只有已规划和开发中的需求记录进度。",
    ),
    "req.card.progress": (
        "{progress} · expected {expected} · risk {risk}",
        "{progress} · 预计 {expected} · 风险{risk}",
    ),
    "req.log.progress": ("{field}: {old} → {new}", "{field}：{old} → {new}"),
    "cli.req.field.progress": ("progress", "进度"),
    "cli.req.field.expected": ("expected", "预计"),
    "cli.req.field.risk": ("risk", "风险"),
    "cli.req.field.risk_reason": ("risk reason", "风险原因"),
    "cli.req.progress": (
        "#{id} {title}: {progress}, expected {expected}, risk {risk}",
        "#{id} {title}：进度 {progress}，预计 {expected}，风险{risk}",
    ),
    "cli.req.nothing": (
        "Say what to change: --progress, --expected, --risk, --risk-reason or --release.",
        "请指定要修改的内容：--progress、--expected、--risk、--risk-reason 或 --release。",
    ),
    "field.risk": ("risk", "风险"),
    "cli.req.risk": ("risk {risk}", "风险{risk}"),
    # daily screen: high-risk features in the key panel
    "daily.risk": ("risk: {reason}", "风险：{reason}"),
    "daily.risk_meta": ("{progress} · {expected}", "{progress} · {expected}"),
    "undo.req_progress": ("progress", "进度"),
    # refusals
    "err.req.progress": (
        "Progress is a whole percentage from 0 to 100, not {value}.",
        "进度是 0 到 100 的整数百分比，不是 {value}。",
    ),
    "err.req.progress_status": (
        "#{id} is {status}: only planned requirements and those in development carry "
        "progress and risk.",
        "#{id} 处于{status}：只有已规划和开发中的需求才记录进度和风险。",
    ),
    "err.req.risk_reason": (
        "Say in one line why #{id} is at {risk} risk.",
        "请用一句话说明 #{id} 为何有{risk}风险。",
    ),
    "err.req.expected": (
        "{value} is not a date (2026-12-20, fri or +14).",
        "{value} 不是日期（2026-12-20、fri 或 +14）。",
    ),
}
