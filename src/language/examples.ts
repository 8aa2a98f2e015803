import { spoken } from './messages.js';

// The help's examples as a Chinese shop types them, each under the English example it stands for
// (as the command's code writes it). A Chinese logbook's categories and channels are Chinese
// (产品, 电话), so the English example `--category product` would be refused in it; the values a
// person makes up (a complaint, a customer, a cause) and the comments are in the language read.
// An example that is the same in both (`complaints list --overdue`) is not listed. A test runs
// each of these on a Chinese logbook and holds it to what its English example does.
const CHINESE: Readonly<Record<string, string>> = {
  'complaints  # the desk: what to triage, what is overdue, whom to call back': 'complaints  # 今天的工作台：待分诊的、已逾期的、该回访的',
  'complaints 12  # one complaint; at a terminal, then its next step': 'complaints 12  # 查看一条投诉；在终端里接着问下一步做什么',
  'complaints log "soup was cold" --customer "Ann Lee" --wants refund': 'complaints log "汤是凉的" --customer "刘敏" --wants 退款',
  'complaints triage 12 --category product --cause "cold food"': 'complaints triage 12 --category 产品 --cause "菜是凉的"',
  'complaints assign 12 Sam && complaints resolve 12 --remedy refund --cost 4.50':
    'complaints assign 12 小张 && complaints resolve 12 --remedy 退款 --cost 4.50',

  'complaints log  # at the till: asks for what is missing': 'complaints log  # 在收银台：缺什么就问什么',
  'complaints log "soup was cold" --customer "Ann Lee" --contact "0712 345678" --about "tomato soup" --wants refund':
    'complaints log "汤是凉的" --customer "刘敏" --contact "138 0013 8000" --about "番茄汤" --wants 退款',
  'complaints log "汤又是凉的" --customer "王芳" --contact "wang.fang@example.com" --about "番茄汤" --wants refund':
    'complaints log "汤又是凉的" --customer "王芳" --contact "wang.fang@example.com" --about "番茄汤" --wants 退款',
  'complaints log "rude on the phone" --channel phone --at "yesterday" --no-input':
    'complaints log "电话里态度不好" --channel 电话 --at "昨天" --no-input',

  'complaints triage  # at a terminal: walk the new complaints': 'complaints triage  # 在终端里：逐条分诊新投诉',
  'complaints triage 12 --category product --cause "cold food" --severity high':
    'complaints triage 12 --category 产品 --cause "菜是凉的" --severity 高',
  'complaints triage 13 --reject --reason "bought elsewhere"': 'complaints triage 13 --reject --reason "在别家买的"',
  'complaints triage 13 --nature venting  # answered, not counted among the causes': 'complaints triage 13 --nature 发泄  # 听完就算答复，不计入原因统计',

  'complaints assign 12 Sam': 'complaints assign 12 小张',
  'complaints assign 12 "Sam Park" --respond-by "2026-11-25 12:00" --note "call before noon"':
    'complaints assign 12 "张伟" --respond-by "2026-11-25 12:00" --note "中午前打电话"',
  'complaints assign 12 Sam --respond-by +4h': 'complaints assign 12 小张 --respond-by +4h',
  'complaints assign 12 Sam --respond-by tomorrow  # by the end of tomorrow': 'complaints assign 12 小张 --respond-by 明天之前  # 到明天 23:59 为止',

  'complaints resolve 12 --remedy refund --cost 4.50': 'complaints resolve 12 --remedy 退款 --cost 4.50',
  'complaints resolve 12 --remedy replacement --cost 4.50 --root-cause "soup kettle thermostat" --action "thermostat replaced"':
    'complaints resolve 12 --remedy 更换 --cost 4.50 --root-cause "汤锅温控器坏了" --action "换了温控器"',
  'complaints resolve 13 --answer "we only refund what we sold; showed her our receipts"':
    'complaints resolve 13 --answer "只退本店卖出的东西；给她看了小票"',

  'complaints approve 12 --as "Li Na"': 'complaints approve 12 --as "李娜"',
  'complaints approve 12 --reject --reason "offer a voucher instead"': 'complaints approve 12 --reject --reason "改送代金券"',

  'complaints follow-up  # which customers to call back': 'complaints follow-up  # 该给哪些顾客回电话',
  'complaints follow-up 12 --satisfaction 5 --note "happy with the refund"': 'complaints follow-up 12 --satisfaction 5 --note "对退款很满意"',
  'complaints follow-up 12 --satisfaction 2 --reopen --note "still waiting for the part"':
    'complaints follow-up 12 --satisfaction 2 --reopen --note "还在等配件"',

  'complaints note 12 "left a voicemail"': 'complaints note 12 "留了语音留言"',
  'complaints note 12 called back, customer happy --at "2026-11-23 15:00"': 'complaints note 12 已回电，顾客满意 --at "2026-11-23 15:00"',

  'complaints undo  # at a terminal: shows the change and asks': 'complaints undo  # 在终端里：先显示要撤销的改动，再问你',

  'complaints list --status new,triaged': 'complaints list --status 新,已分诊',
  'complaints list --cause "cold food" --since 4w': 'complaints list --cause "菜是凉的" --since 4w',
  'complaints list --customer "Ann Lee"': 'complaints list --customer "刘敏"',
  'complaints list --assignee Sam --json | jq length': 'complaints list --assignee 小张 --json | jq length',

  'complaints report  # this week, by cause': 'complaints report  # 本周，按原因',
  'complaints report --week last  # Monday morning: the week just ended': 'complaints report --week 上周  # 周一早上：看刚过完的一周',
  'complaints report --since 2026-11 --until 2026-11 --out november.csv --bom  # the format by the ending; --bom for Excel':
    'complaints report --since 11月 --until 11月 --out november.csv --bom  # 格式看文件的后缀；--bom 让 Excel 正确显示中文',
  'complaints report --out week.html  # to print or send': 'complaints report --out week.html  # 打印或发给别人',
  'complaints report --last 4w --by till  # which till hears most': 'complaints report --last 4w --by till  # 哪个收银台听到的投诉最多',
  'complaints report --branch "High Street"  # one branch of several': 'complaints report --branch "人民路店"  # 几家分店中的一家',
  'complaints report --week 2026-W47 --compare 2026-W46  # before and after a change': 'complaints report --week 2026-W47 --compare 2026-W46  # 改进前后对比',

  'complaints actions --cause "cold food" --weeks 8': 'complaints actions --cause "菜是凉的" --weeks 8',

  'complaints causes rename "cold foood" "cold food"': 'complaints causes rename "菜时凉的" "菜是凉的"',
  'complaints causes rename "cold foood" "cold food"  # merge a misspelling into the cause in use':
    'complaints causes rename "菜时凉的" "菜是凉的"  # 把打错的原因并入在用的原因',
  'complaints causes rename "wait" "long wait at the till"': 'complaints causes rename "等太久" "收银台排队太久"',

  'complaints config set shop "Corner Café"': 'complaints config set shop "街角咖啡馆"',
  'complaints config set categories "food,drink,service,premises,price,other"': 'complaints config set categories "食品,饮料,服务,环境,价格,其他"',
  'complaints config set channels "in-person,phone,email,whatsapp,other"': 'complaints config set channels "现场,电话,微信,抖音,其他"',
  'complaints config set till front  # this computer logs as the till "front"': 'complaints config set till 前台  # 这台电脑登记为收银台「前台」',
  'complaints config set branch "High Street"  # and stands in this branch': 'complaints config set branch "人民路店"  # 并且在这家分店',
  'complaints config set language zh-CN  # this computer speaks Chinese': 'complaints config set language zh-CN  # 这台电脑说中文',
  "complaints config set branch ''  # no branch": "complaints config set branch ''  # 不属于任何分店",

  'complaints backup ~/backups/complaints.db --force  # replace the copy made last time': 'complaints backup ~/backups/complaints.db --force  # 覆盖上次的备份',

  'complaints check --db ~/backups/complaints-2026-11-23.db  # is the backup sound?': 'complaints check --db ~/backups/complaints-2026-11-23.db  # 备份是否完好？',
  'complaints check && complaints backup ~/backups/complaints.db --force  # copy it only when it is sound':
    'complaints check && complaints backup ~/backups/complaints.db --force  # 检查无误才复制',
  'complaints check --recount  # when it says the figures do not add up': 'complaints check --recount  # 提示数字对不上时',

  'complaints forget "Ann Lee" --dry-run': 'complaints forget "刘敏" --dry-run',
  'complaints forget "Ann Lee"  # at a terminal: asks before erasing': 'complaints forget "刘敏"  # 在终端里：删除前先问你',
  'complaints forget "0712 345678" --contact --yes': 'complaints forget "138 0013 8000" --contact --yes',

  'complaints setup-roles > tills.sql  # then, on the server: sudo -u postgres psql -v ON_ERROR_STOP=1 complaints -f tills.sql':
    'complaints setup-roles > tills.sql  # 然后在服务器上运行：sudo -u postgres psql -v ON_ERROR_STOP=1 complaints -f tills.sql',

  'complaints completion zsh > ~/.complaints.zsh && echo "source ~/.complaints.zsh" >> ~/.zshrc  # after compinit':
    'complaints completion zsh > ~/.complaints.zsh && echo "source ~/.complaints.zsh" >> ~/.zshrc  # 写在 compinit 之后',
};

/** A help example (a command line, maybe with a comment) in the language spoken. */
export function exampleShown(line: string): string {
  return spoken() === 'zh-CN' ? (CHINESE[line] ?? line) : line;
}
