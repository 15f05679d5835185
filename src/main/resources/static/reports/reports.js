/*
 * The managers' reports page (issue 13). The data is the reports API, HTTP Basic and stateless: the
 * credentials live in sessionStorage for this tab only (never localStorage, never a cookie) and go on
 * every fetch. Requests use credentials 'omit' so that a 401 (which carries WWW-Authenticate) brings
 * back our own form instead of the browser's password dialog. The server decides what a caller may
 * read; the page only shows what it is given and the API's reason when it is refused.
 */
(() => {
    'use strict';

    const LANG = (navigator.language || 'en').toLowerCase().startsWith('ja') ? 'ja' : 'en';
    const LOCALE = LANG === 'ja' ? 'ja-JP' : 'en-GB';
    /** opsflow's root, whether the page is opened as /reports/ or /reports/index.html, behind a path prefix or not. */
    const ROOT = new URL('../', location.href);
    const CREDENTIALS = 'opsflow.reports.credentials';
    const USER = 'opsflow.reports.user';

    const TEXT = {
        ja: {
            title: 'opsflow 運用レポート',
            signInTitle: 'サインイン',
            signInHint: 'Tasklist と同じユーザーでサインインしてください。レポートはマネージャーと管理者が閲覧できます。',
            user: 'ユーザー',
            password: 'パスワード',
            signIn: 'サインイン',
            signOut: 'サインアウト',
            signedInAs: 'サインイン中: ',
            badCredentials: 'ユーザー名またはパスワードが正しくありません。',
            signInAgain: 'サインインが必要です。もう一度サインインしてください。',
            notAllowed: 'レポートを閲覧する権限がありません: ',
            noCustomers: '閲覧できるお客様がありません。管理者にテナントへの追加を依頼してください。',
            customer: 'お客様',
            month: '対象月',
            exportCsv: 'CSV をダウンロード',
            exportPdf: 'PDF をダウンロード',
            preparing: '作成中…',
            loading: '読み込み中…',
            failed: 'レポートを取得できませんでした: ',
            exportFailed: 'ファイルを作成できませんでした: ',
            unreachable: 'opsflow に接続できませんでした。',
            timesIn: '時刻は {zone} で表示しています。集計日時: {asOf}',
            headline: '{customer} — {month}',
            figure: '項目',
            value: '値',
            definition: '定義',
            count: '件数',
            share: '割合',
            of: '{count} / {of} 件',
            median: '中央値',
            p90: '90 パーセンタイル',
            samples: '対象件数',
            priority: '優先度',
            source: '発生元',
            all: '全体',
            unknown: '不明',
            none: 'なし',
            incidents: 'インシデント',
            requests: 'サービスリクエスト',
            microsoft: 'Microsoft サポート',
            issued: '発行済みの月次レポート',
            issuedHint: '月次レポートのプロセスが作成し、運用担当者が確認した PDF です。お客様に送付したとおりに保管されています。',
            issuedNone: 'この月の月次レポートはまだ発行されていません。',
            issuedFile: 'ファイル',
            issuedStatus: '状態',
            issuedReviewer: '確認者',
            issuedAt: '確認日時',
            issuedComment: 'コメント',
            status_draft: '確認待ち',
            status_archived: '保管 (未送付)',
            status_sent: 'ServiceNow に添付済み',
            status_withheld: '送付しない',
            trend: '推移 (当月と過去 3 か月)',
            counts: '件数',
            durations: '対応時間 (優先度別)',
            sla: 'SLA 遵守状況',
            breaches: 'SLA 違反',
            automation: 'アラートと自動化',
            top: '上位',
            target: 'SLA 目標',
            met: '達成',
            missed: '未達',
            compliance: '遵守率',
            incident: 'インシデント',
            due: '期限',
            reached: '達成日時',
            notReached: '未達成',
            openInCockpit: 'Cockpit で開く',
            noBreaches: 'SLA 違反はありません。',
            nothing: 'ありません。',
            name: '名前',
            catalogItem: 'カタログ項目',
            monthColumn: '月',
            target_acknowledge: '受付',
            target_identifyCause: '原因特定',
            target_resolve: '解決',
            chartByPriority: '優先度別の受付件数',
            chartTrend: '推移',
            // Figures (the same words as the CSV).
            opened: '受付件数',
            resolved: '解決件数',
            openAtMonthEnd: '月末時点の未解決',
            bySource: '発生元別',
            byPriority: '優先度別',
            timeToAcknowledge: '受付までの時間',
            timeToIdentifyCause: '原因特定までの時間',
            timeToResolve: '解決までの時間',
            slaCompliance: 'SLA 遵守率',
            reopened: '再オープン',
            alerts: 'アラート数',
            mostOnOneIncident: '1 件のインシデントの最大アラート数',
            requestDurations: 'リードタイムと承認待ち時間',
            storms: 'アラートストーム',
            selfHealed: '自己回復率',
            diagnosedAutomatically: '自動診断率',
            topAlertRules: 'アラートルール上位',
            topResources: 'リソース上位',
            requestsOpened: '受付件数',
            perItem: 'カタログ項目別',
            leadTime: 'リードタイム',
            approvalWait: '承認待ち時間',
            completed: '自動で完了',
            failed_: '未完了・却下',
            fulfilledByHand: '手作業で完了',
            automated: '自動化率',
            tickets: 'チケット数',
            firstResponse: 'Microsoft 初回応答までの時間',
            ticketsOpenAtMonthEnd: '月末時点のオープン',
            incidentsOpened: 'インシデント受付件数',
            incidentsResolved: 'インシデント解決件数',
            medianTimeToResolve: '解決時間の中央値',
            resolveSlaCompliance: '解決 SLA 遵守率',
            trendRequestsOpened: 'サービスリクエスト件数',
            requestAutomation: 'サービスリクエスト自動化率',
            services: 'サービス稼働・利用状況',
            servicesNotCollected: 'この月のサービスの数値は未収集です (月に一度 Azure から読み取ります)。',
            servicesNoResources: '監視対象のリソースはありませんでした。',
            servicesCollectedAt: '{at} に Azure Monitor から読み取り',
            resource: 'リソース',
            kind: '種類',
            availability: '可用性',
            usage: '利用状況',
            noData: 'データなし',
            kind_virtualMachine: '仮想マシン',
            kind_appService: 'App Service',
            kind_sqlDatabase: 'SQL データベース',
            kind_avdHostPool: 'AVD ホストプール',
            svc_cpuP95: 'CPU 使用率 p95',
            svc_requests: 'リクエスト数',
            svc_http5xx: 'HTTP 5xx 応答数',
            svc_http5xxRate: '5xx 率',
            svc_dtuPeak: 'DTU ピーク',
            svc_cpuPeak: 'CPU ピーク',
            svc_sessions: 'セッション数',
            svc_distinctUsers: '利用ユーザー数',
            source_resourceHealth: 'Resource Health',
            source_heartbeat: 'ハートビート',
            hours: '{h}時間',
            hoursMinutes: '{h}時間{m}分',
            minutes: '{m}分',
            definitionsNote: '中央値と 90 パーセンタイルは nearest-rank 方式で求めるため、どの値も実際にかかった時間です。分母が 0 件の割合は 0 % ではなく「—」と表示します。'
        },
        en: {
            title: 'opsflow operations reports',
            signInTitle: 'Sign in',
            signInHint: 'Use your Tasklist account. Reports are for managers and administrators.',
            user: 'User',
            password: 'Password',
            signIn: 'Sign in',
            signOut: 'Sign out',
            signedInAs: 'Signed in as ',
            badCredentials: 'The user or password is not right.',
            signInAgain: 'Please sign in again.',
            notAllowed: 'You may not read reports: ',
            noCustomers: 'There is no customer whose reports you may read. Ask an administrator to add you to the customer (tenant).',
            customer: 'Customer',
            month: 'Month',
            exportCsv: 'Download CSV',
            exportPdf: 'Download PDF',
            preparing: 'Preparing…',
            loading: 'Loading…',
            failed: 'The report could not be read: ',
            exportFailed: 'The file could not be made: ',
            unreachable: 'opsflow could not be reached.',
            timesIn: 'Times are in {zone}. Figures as of {asOf}.',
            headline: '{customer} — {month}',
            figure: 'Figure',
            value: 'Value',
            definition: 'Definition',
            count: 'Count',
            share: 'Share',
            of: '{count} of {of}',
            median: 'Median',
            p90: '90th percentile',
            samples: 'Incidents',
            priority: 'Priority',
            source: 'Source',
            all: 'All',
            unknown: 'Unknown',
            none: 'None',
            incidents: 'Incidents',
            requests: 'Service requests',
            microsoft: 'Microsoft support',
            issued: 'Issued monthly reports',
            issuedHint: 'The PDFs the monthly report process made and an operator reviewed, kept as they were sent to the customer.',
            issuedNone: 'No monthly report has been issued for this month yet.',
            issuedFile: 'File',
            issuedStatus: 'Status',
            issuedReviewer: 'Reviewed by',
            issuedAt: 'Reviewed at',
            issuedComment: 'Comment',
            status_draft: 'Awaiting review',
            status_archived: 'Archived (not sent)',
            status_sent: 'Attached in ServiceNow',
            status_withheld: 'Withheld',
            trend: 'Trend (this month and the three before)',
            counts: 'Counts',
            durations: 'Response times by priority',
            sla: 'SLA compliance',
            breaches: 'SLA breaches',
            automation: 'Alerts and automation',
            top: 'Top',
            target: 'SLA target',
            met: 'Met',
            missed: 'Missed',
            compliance: 'Compliance',
            incident: 'Incident',
            due: 'Due',
            reached: 'Reached',
            notReached: 'Not reached',
            openInCockpit: 'Open in Cockpit',
            noBreaches: 'No SLA was breached.',
            nothing: 'None.',
            name: 'Name',
            catalogItem: 'Catalog item',
            monthColumn: 'Month',
            target_acknowledge: 'Acknowledge',
            target_identifyCause: 'Identify cause',
            target_resolve: 'Resolve',
            chartByPriority: 'Incidents opened by priority',
            chartTrend: 'Trend',
            opened: 'Opened',
            resolved: 'Resolved',
            openAtMonthEnd: 'Open at month end',
            bySource: 'By source',
            byPriority: 'By priority',
            timeToAcknowledge: 'Time to acknowledge',
            timeToIdentifyCause: 'Time to identify the cause',
            timeToResolve: 'Time to resolve',
            slaCompliance: 'SLA compliance',
            reopened: 'Reopened',
            alerts: 'Alerts',
            mostOnOneIncident: 'Most alerts on one incident',
            requestDurations: 'Lead time and approval wait',
            storms: 'Alert storms',
            selfHealed: 'Self-healed share',
            diagnosedAutomatically: 'Diagnosed automatically',
            topAlertRules: 'Top alert rules',
            topResources: 'Top resources',
            requestsOpened: 'Opened',
            perItem: 'Per catalog item',
            leadTime: 'Lead time',
            approvalWait: 'Approval wait',
            completed: 'Completed automatically',
            failed_: 'Not fulfilled',
            fulfilledByHand: 'Fulfilled by hand',
            automated: 'Automation rate',
            tickets: 'Tickets',
            firstResponse: 'Time to Microsoft\'s first response',
            ticketsOpenAtMonthEnd: 'Open at month end',
            incidentsOpened: 'Incidents opened',
            incidentsResolved: 'Incidents resolved',
            medianTimeToResolve: 'Median time to resolve',
            resolveSlaCompliance: 'Resolve SLA compliance',
            trendRequestsOpened: 'Service requests',
            requestAutomation: 'Service request automation',
            services: 'Service figures',
            servicesNotCollected: 'The service figures of this month have not been collected (they are read from Azure once a month).',
            servicesNoResources: 'No monitored resource was found.',
            servicesCollectedAt: 'Read from Azure Monitor at {at}',
            resource: 'Resource',
            kind: 'Kind',
            availability: 'Availability',
            usage: 'Usage',
            noData: 'No data',
            kind_virtualMachine: 'Virtual machine',
            kind_appService: 'App Service',
            kind_sqlDatabase: 'SQL database',
            kind_avdHostPool: 'AVD host pool',
            svc_cpuP95: 'CPU p95',
            svc_requests: 'Requests',
            svc_http5xx: 'HTTP 5xx responses',
            svc_http5xxRate: '5xx rate',
            svc_dtuPeak: 'DTU peak',
            svc_cpuPeak: 'CPU peak',
            svc_sessions: 'Sessions',
            svc_distinctUsers: 'Distinct users',
            source_resourceHealth: 'Resource Health',
            source_heartbeat: 'heartbeat',
            hours: '{h} h',
            hoursMinutes: '{h} h {m} min',
            minutes: '{m} min',
            definitionsNote: 'Medians and 90th percentiles are nearest-rank, so each one is a duration that really happened. A rate with nothing to divide is shown as "—", never 0 %.'
        }
    };

    /** The figure definitions of the README ("Reports"), in both languages. */
    const DEFINITIONS = {
        ja: {
            opened: 'opsflow が当月に起票したインシデント。',
            resolved: '当月に解決したインシデント (ServiceNow での解決、オペレーターによる解決、自己回復のいずれか)。',
            openAtMonthEnd: '月末より前に起票され、月末時点で解決していないインシデント。',
            bySource: '当月に起票したインシデントの発生元 (Azure Monitor、Zabbix、ServiceNow) 別の件数。',
            byPriority: '当月に起票したインシデントの優先度別の件数。',
            timeToAcknowledge: '起票からトリアージ完了まで。当月に起票したインシデントの優先度別と全体の中央値・90 パーセンタイル。',
            timeToIdentifyCause: '起票から原因特定まで。当月に起票したインシデントの中央値・90 パーセンタイル。',
            timeToResolve: '起票から解決まで。当月に起票したインシデントの中央値・90 パーセンタイル。',
            slaCompliance: 'SLA 目標 (受付・原因特定・解決) ごとに、当月のインシデントのうち 達成 ÷ 判定済み。遅れて達成した場合、または期限を過ぎても未達成の場合に未達とします。',
            breaches: '未達となった SLA 目標とそのインシデント。期限の早い順。',
            reopened: 'opsflow が以前に対応した ServiceNow インシデントについて、当月に再び起票したもの。',
            alerts: 'アラートから起票したインシデントに届いたアラートの合計。',
            mostOnOneIncident: '1 件のインシデントに届いたアラートの最大数。',
            storms: 'アラートが 10 件以上届いたインシデントの数。',
            selfHealed: '当月に解決したインシデントのうち、オペレーターの対応なしに回復したものの割合。',
            diagnosedAutomatically: 'アラートから起票したインシデントのうち、人の手を介さずに診断 Runbook が実行されたものの割合。',
            topAlertRules: '当月に起票したインシデントで多かったアラートルール (上位 5 件)。',
            topResources: '当月に起票したインシデントで多かったリソース (上位 5 件)。',
            requestsOpened: '当月に受け付けたサービスリクエスト。カタログ項目別にも集計します。',
            leadTime: '受付から完了 (Runbook または手作業) まで。当月に完了したものの中央値・90 パーセンタイル。',
            approvalWait: '承認依頼から承認・却下まで。当月に判断されたもの。',
            completed: '当月に Runbook で完了したもの。',
            failed_: '当月に却下・無効・不完全で終了したもの。',
            fulfilledByHand: '当月にオペレーターが手作業で完了したもの。',
            automated: '人の手 (承認・障害対応) を介さずに完了したもの ÷ 完了したものすべて。',
            tickets: '当月に Microsoft が作成したサポートチケット。',
            firstResponse: 'チケット作成から Microsoft の最初の回答まで。',
            ticketsOpenAtMonthEnd: '月末時点でクローズしていないチケット。',
            trend: '当月と過去 3 か月の、インシデント受付・解決件数、解決時間の中央値、解決 SLA 遵守率、サービスリクエスト件数と自動化率。',
            services: 'お客様のサブスクリプションの監視対象リソース (Resource Graph で取得) ごとの、月に一度 Azure から読み取って opsflow が保存した数値。',
            availability: '月のうち Resource Health の状態が分かっている時間に占める、Unavailable でなかった時間の割合 (Degraded は稼働、Unknown は除外)。Resource Health に情報のない VM は、Log Analytics のハートビートがあった時間数 ÷ 月の時間数。',
            svc_cpuP95: '月の 1 時間ごとの Percentage CPU 平均値から opsflow が求めた 95 パーセンタイル (nearest-rank)。',
            svc_requests: 'Requests メトリックの 1 時間ごとの合計の和。',
            svc_http5xx: 'Http5xx メトリックの 1 時間ごとの合計の和。',
            svc_http5xxRate: '5xx 応答数 ÷ リクエスト数。リクエストがなければ「—」。',
            svc_dtuPeak: 'dtu_consumption_percent の 1 時間ごとの最大値のうち最も高いもの (vCore のデータベースには DTU はありません)。',
            svc_cpuPeak: 'cpu_percent の 1 時間ごとの最大値のうち最も高いもの。',
            svc_sessions: 'WVDConnections で Connected に至った接続の数 (CorrelationId の数)。',
            svc_distinctUsers: 'その接続の異なるユーザー名の数。',
            noData: 'Azure が 404 を返したか、その月の値がなかったもの。0 ではありません。'
        },
        en: {
            opened: 'Incidents opsflow opened in the month.',
            resolved: 'Incidents resolved in the month: in ServiceNow, by an operator, or self-healed.',
            openAtMonthEnd: 'Opened before the month\'s end and not resolved by then.',
            bySource: 'The month\'s opened incidents by source (Azure Monitor, Zabbix, ServiceNow).',
            byPriority: 'The month\'s opened incidents by priority.',
            timeToAcknowledge: 'Opened → Triage completed; median and p90 per priority and for all, over the incidents opened in the month.',
            timeToIdentifyCause: 'Opened → cause identified, over the incidents opened in the month.',
            timeToResolve: 'Opened → resolved, over the incidents opened in the month.',
            slaCompliance: 'Per target (acknowledge, identify cause, resolve): met ÷ decided among the month\'s incidents. A target is missed when it was reached late, or is still unreached after its due time.',
            breaches: 'Each missed target with its incident, earliest due first.',
            reopened: 'Opened in the month for a ServiceNow incident that opsflow had coordinated before.',
            alerts: 'All alerts of the incidents raised by alerts.',
            mostOnOneIncident: 'The most alerts on one incident.',
            storms: 'Incidents with 10 alerts or more.',
            selfHealed: 'Resolved ones that healed without an operator.',
            diagnosedAutomatically: 'Alert incidents whose diagnostic runbook ran with no human step.',
            topAlertRules: 'The five most frequent alert rules among the opened incidents.',
            topResources: 'The five most frequent resources among the opened incidents.',
            requestsOpened: 'Requests opened in the month, also per catalog item.',
            leadTime: 'Received → closed fulfilled (by runbook or by hand), of those closed in the month.',
            approvalWait: 'Approval asked → decided, of the approvals decided in the month.',
            completed: 'Closed in the month, fulfilled by runbook.',
            failed_: 'Closed in the month rejected, invalid or incomplete.',
            fulfilledByHand: 'Closed in the month after an operator did the work by hand.',
            automated: 'Fulfilled with no human step (no approval, no failure handling) ÷ all fulfilled.',
            tickets: 'Support tickets Microsoft created in the month.',
            firstResponse: 'Ticket created → Microsoft\'s first answer.',
            ticketsOpenAtMonthEnd: 'Tickets not closed when the month ended.',
            trend: 'The month and the three before it: incidents opened and resolved, median time to resolve, resolve-SLA compliance, requests and request automation.',
            services: 'Per monitored resource in the customer\'s subscriptions (found through Resource Graph): figures read from Azure once a month and kept by opsflow.',
            availability: 'The share of the month\'s time with a known Resource Health state in which the resource was not Unavailable (Degraded counts as up, Unknown is left out). For a VM Resource Health knows nothing of: hours with a Log Analytics heartbeat ÷ the month\'s hours.',
            svc_cpuP95: 'The 95th percentile (nearest rank) opsflow computes over the month\'s hourly averages of Percentage CPU.',
            svc_requests: 'The sum of the hourly totals of the Requests metric.',
            svc_http5xx: 'The sum of the hourly totals of the Http5xx metric.',
            svc_http5xxRate: '5xx responses ÷ requests; "—" when there was no request.',
            svc_dtuPeak: 'The highest hourly maximum of dtu_consumption_percent (a vCore database has no DTU).',
            svc_cpuPeak: 'The highest hourly maximum of cpu_percent.',
            svc_sessions: 'Connections that reached Connected in WVDConnections (distinct CorrelationId).',
            svc_distinctUsers: 'The distinct user names of those connections.',
            noData: 'Azure answered 404 or had nothing for the month: not zero.'
        }
    };

    const SOURCES = {'azure-monitor': 'Azure Monitor', zabbix: 'Zabbix', servicenow: 'ServiceNow'};
    const FONT = 'system-ui, "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic UI", Meiryo, sans-serif';

    const $ = id => document.getElementById(id);
    const t = (key, values) => {
        const text = TEXT[LANG][key] ?? key;
        return values ? text.replace(/\{(\w+)\}/g, (_, name) => values[name]) : text;
    };
    const definition = key => DEFINITIONS[LANG][key] ?? '';
    const numbers = new Intl.NumberFormat(LOCALE);
    const percent = new Intl.NumberFormat(LOCALE, {style: 'percent', maximumFractionDigits: 1});

    const state = {customers: [], charts: [], busy: false};

    // ---- formatting -------------------------------------------------------------------------

    /** Seconds of an ISO-8601 duration (PT1H30M, P1DT2H) as Jackson writes them, or of a number of seconds. */
    function seconds(duration) {
        if (duration === null || duration === undefined) {
            return null;
        }
        if (typeof duration === 'number') {
            return duration;
        }
        const m = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(duration);
        if (!m) {
            return null;
        }
        const total = (+(m[2] || 0)) * 86400 + (+(m[3] || 0)) * 3600 + (+(m[4] || 0)) * 60 + (+(m[5] || 0));
        return m[1] ? -total : total;
    }

    function formatDuration(duration) {
        const s = seconds(duration);
        if (s === null) {
            return '—';
        }
        const minutes = Math.round(s / 60);
        if (minutes < 60) {
            return t('minutes', {m: numbers.format(minutes)});
        }
        const h = Math.floor(minutes / 60);
        const m = minutes % 60;
        return m === 0 ? t('hours', {h: numbers.format(h)}) : t('hoursMinutes', {h: numbers.format(h), m});
    }

    const formatRate = rate => rate === null || rate === undefined ? '—' : percent.format(rate);
    const formatCount = n => numbers.format(n ?? 0);

    function formatMonth(yearMonth, style) {
        const [y, m] = yearMonth.split('-').map(Number);
        return new Intl.DateTimeFormat(LOCALE, {year: 'numeric', month: style || 'long', timeZone: 'UTC'})
            .format(new Date(Date.UTC(y, m - 1, 1)));
    }

    function formatTime(instant, zone) {
        if (!instant) {
            return '—';
        }
        return new Intl.DateTimeFormat(LOCALE, {dateStyle: 'medium', timeStyle: 'short', timeZone: zone}).format(new Date(instant));
    }

    const priorityLabel = p => p === 'all' ? t('all') : p === 'unknown' ? t('unknown') : p;
    const sourceLabel = s => SOURCES[s] || (s === 'unknown' ? t('unknown') : s);

    // ---- DOM helpers ------------------------------------------------------------------------

    /** Creates an element; text is always set as text, never parsed as HTML. */
    function el(tag, attributes, ...children) {
        const node = document.createElement(tag);
        Object.entries(attributes || {}).forEach(([name, value]) => {
            if (value !== null && value !== undefined && value !== false) {
                node.setAttribute(name, value === true ? '' : value);
            }
        });
        children.flat().forEach(child => {
            if (child !== null && child !== undefined) {
                node.append(child instanceof Node ? child : String(child));
            }
        });
        return node;
    }

    function table(className, headers, rows, caption) {
        return el('table', {class: className},
            caption ? el('caption', {}, caption) : null,
            el('thead', {}, el('tr', {}, headers.map(h => el('th', {scope: 'col'}, h)))),
            el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((c, i) => i === 0
                ? el('th', {scope: 'row', title: c && c.title ? c.title : null}, c && c.label !== undefined ? c.label : c)
                : el('td', {class: c && c.className ? c.className : 'num'}, c && c.node !== undefined ? c.node : c))))));
    }

    /** A row label with its definition as a tooltip. */
    const label = key => ({label: t(key), title: definition(key)});

    /** A figure table: figure, value, definition (visible, so nobody has to guess what a number counts). */
    function figureTable(section, rows) {
        return table('figures figures-' + section, [t('figure'), t('value'), t('definition')],
            rows.map(([key, value]) => [label(key), value, {node: definition(key), className: 'definition'}]));
    }

    function block(id, titleKey, ...content) {
        return el('section', {class: 'block', id},
            el('h3', {title: definition(titleKey) || null}, t(titleKey)),
            content);
    }

    function show(node, visible) {
        node.hidden = !visible;
    }

    function message(text) {
        $('message').textContent = text || '';
        show($('message'), !!text);
    }

    // ---- the API ----------------------------------------------------------------------------

    class SignInNeeded extends Error {
    }

    class ApiError extends Error {
        constructor(status, detail) {
            super(detail);
            this.status = status;
        }
    }

    function basic(user, password) {
        const bytes = new TextEncoder().encode(user + ':' + password);
        let binary = '';
        bytes.forEach(b => {
            binary += String.fromCharCode(b);
        });
        return 'Basic ' + btoa(binary);
    }

    async function problemDetail(response) {
        try {
            const body = await response.json();
            return body.detail || body.title || response.statusText;
        } catch (e) {
            return response.status + ' ' + response.statusText;
        }
    }

    async function call(path, accept) {
        const authorization = sessionStorage.getItem(CREDENTIALS);
        if (!authorization) {
            throw new SignInNeeded(t('signInAgain'));
        }
        let response;
        try {
            response = await fetch(new URL('api/reports/' + path, ROOT), {
                headers: {Authorization: authorization, Accept: accept || 'application/json'},
                credentials: 'omit',
                cache: 'no-store'
            });
        } catch (e) {
            throw new ApiError(0, t('unreachable'));
        }
        if (response.status === 401) {
            throw new SignInNeeded(t('signInAgain'));
        }
        if (!response.ok) {
            throw new ApiError(response.status, await problemDetail(response));
        }
        return response;
    }

    // ---- sign-in ----------------------------------------------------------------------------

    function showSignIn(text) {
        sessionStorage.removeItem(CREDENTIALS);
        sessionStorage.removeItem(USER);
        clearFigures();
        show($('report'), false);
        show($('who'), false);
        show($('sign-in'), true);
        $('sign-in-message').textContent = text || '';
        show($('sign-in-message'), !!text);
        $('password').value = '';
        ($('user').value ? $('password') : $('user')).focus();
    }

    async function signIn(event) {
        event.preventDefault();
        const user = $('user').value.trim();
        sessionStorage.setItem(CREDENTIALS, basic(user, $('password').value));
        sessionStorage.setItem(USER, user);
        $('sign-in-button').disabled = true;
        try {
            await start();
        } catch (e) {
            // A refused password comes back as SignInNeeded; tell it as such on the form.
            showSignIn(e instanceof SignInNeeded ? t('badCredentials') : refusal(e));
        } finally {
            $('sign-in-button').disabled = false;
        }
    }

    /** Why the start failed: operators and design-team members get 403 on the whole reports API. */
    const refusal = e => e.status === 403 ? t('notAllowed') + e.message : e.message;

    function signOut() {
        showSignIn('');
    }

    /** Signed in: the customers the caller may read fill the filter, then the month is shown. */
    async function start() {
        const response = await call('customers');
        state.customers = await response.json();
        const select = $('customer');
        select.replaceChildren(...state.customers.map(c => el('option', {value: c.id}, c.displayName || c.id)));
        show($('sign-in'), false);
        show($('sign-in-message'), false);
        $('signed-in-as').textContent = t('signedInAs') + sessionStorage.getItem(USER);
        show($('who'), true);
        show($('report'), true);
        const asked = new URLSearchParams(location.search);
        const month = asked.get('month');
        months(/^\d{4}-(0[1-9]|1[0-2])$/.test(month || '') ? month : previousMonth());
        const customer = asked.get('customer');
        if (customer && !state.customers.some(c => c.id === customer)) {
            // Not offered to this caller: still asked, so that the server's answer (403 and why) is what the page shows.
            select.prepend(el('option', {value: customer}, customer));
        }
        if (customer) {
            select.value = customer;
        }
        if (!select.value) {
            message(t('noCustomers'));
            return;
        }
        await load();
    }

    /**
     * The month filter: this month and the two years before it, in the page's language (a native
     * month input would speak the browser's UI language instead), plus an older month asked by URL.
     */
    function months(selected) {
        const now = new Date();
        const list = [];
        for (let back = 0; back <= 24; back++) {
            const d = new Date(now.getFullYear(), now.getMonth() - back, 1);
            list.push(d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0'));
        }
        if (!list.includes(selected)) {
            list.push(selected);
            list.sort().reverse();
        }
        $('month').replaceChildren(...list.map(m => el('option', {value: m}, formatMonth(m))));
        $('month').value = selected;
    }

    function previousMonth() {
        const now = new Date();
        const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
        return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
    }

    // ---- the month --------------------------------------------------------------------------

    function clearFigures() {
        state.charts.forEach(chart => chart.dispose());
        state.charts = [];
        $('figures').replaceChildren();
        show($('figures'), false);
    }

    let loadCount = 0;

    async function load() {
        const customer = $('customer').value;
        const month = $('month').value;
        if (!customer || !month) {
            return;
        }
        const mine = ++loadCount;
        message('');
        clearFigures();
        show($('loading'), true);
        history.replaceState(null, '', '?' + new URLSearchParams({customer, month}));
        try {
            const response = await call(encodeURIComponent(customer) + '/' + month);
            const report = await response.json();
            if (mine === loadCount) {
                render(report);
            }
        } catch (e) {
            if (mine !== loadCount) {
                return;
            }
            if (e instanceof SignInNeeded) {
                showSignIn(e.message);
            } else {
                message((e.status === 403 ? '' : t('failed')) + e.message);
            }
        } finally {
            if (mine === loadCount) {
                show($('loading'), false);
            }
        }
    }

    function render(report) {
        const customer = state.customers.find(c => c.id === report.customerId);
        const figures = $('figures');
        const i = report.incidents;
        const r = report.requests;
        const ms = report.microsoftTickets;
        const resolveSla = (i.sla.find(s => s.target === 'resolve') || {}).compliance;

        figures.append(
            el('div', {class: 'headline'},
                el('h2', {id: 'report-title'}, t('headline', {customer: customer ? customer.displayName : report.customerId, month: formatMonth(report.month)})),
                el('p', {class: 'hint'}, t('timesIn', {zone: report.timeZone, asOf: formatTime(report.asOf, report.timeZone)}))),
            el('div', {class: 'tiles'},
                tile('opened', formatCount(i.opened), 'tile-opened'),
                tile('resolved', formatCount(i.resolved), 'tile-resolved'),
                tile('openAtMonthEnd', formatCount(i.openAtMonthEnd), 'tile-open'),
                tile('resolveSlaCompliance', formatRate(resolveSla), 'tile-sla', 'slaCompliance'),
                tile('trendRequestsOpened', formatCount(r.opened), 'tile-requests', 'requestsOpened'),
                tile('requestAutomation', formatRate(r.automated.rate), 'tile-automation', 'automated')),

            el('h2', {class: 'section'}, t('incidents')),
            el('div', {class: 'grid'},
                block('incident-counts', 'counts', figureTable('incidents', [
                    ['opened', formatCount(i.opened)],
                    ['resolved', formatCount(i.resolved)],
                    ['openAtMonthEnd', formatCount(i.openAtMonthEnd)],
                    ['reopened', formatCount(i.reopened)]])),
                block('incidents-by-priority', 'byPriority',
                    el('div', {class: 'chart', id: 'chart-priority', role: 'img', 'aria-label': t('chartByPriority')}),
                    countTable(t('priority'), i.byPriority, priorityLabel),
                    el('p', {class: 'definition'}, definition('byPriority'))),
                block('incidents-by-source', 'bySource',
                    countTable(t('source'), i.bySource, sourceLabel),
                    el('p', {class: 'definition'}, definition('bySource')))),
            block('incident-durations', 'durations', durationTable(i), el('dl', {class: 'definitions'},
                ['timeToAcknowledge', 'timeToIdentifyCause', 'timeToResolve'].flatMap(k => [el('dt', {}, t(k)), el('dd', {}, definition(k))]))),
            el('div', {class: 'grid'},
                block('incident-sla', 'sla', table('figures', [t('target'), t('met'), t('missed'), t('compliance')],
                    i.sla.map(s => [{label: t('target_' + s.target), title: definition('slaCompliance')}, formatCount(s.met),
                        formatCount(s.missed), formatRate(s.compliance)])), el('p', {class: 'definition'}, definition('slaCompliance'))),
                block('incident-automation', 'automation', figureTable('automation', [
                    ['alerts', formatCount(i.alerts.total)],
                    ['mostOnOneIncident', formatCount(i.alerts.mostOnOneIncident)],
                    ['storms', formatCount(i.alerts.storms)],
                    ['selfHealed', share(i.selfHealed)],
                    ['diagnosedAutomatically', share(i.diagnosedAutomatically)]]))),
            block('incident-breaches', 'breaches', breachTable(i.breaches, report.timeZone), el('p', {class: 'definition'}, definition('breaches'))),
            el('div', {class: 'grid'},
                block('top-rules', 'topAlertRules', rankedTable(i.topAlertRules), el('p', {class: 'definition'}, definition('topAlertRules'))),
                block('top-resources', 'topResources', rankedTable(i.topResources), el('p', {class: 'definition'}, definition('topResources')))),

            el('h2', {class: 'section'}, t('requests')),
            el('div', {class: 'grid'},
                block('request-counts', 'counts', figureTable('requests', [
                    ['requestsOpened', formatCount(r.opened)],
                    ['completed', formatCount(r.completed)],
                    ['fulfilledByHand', formatCount(r.fulfilledByHand)],
                    ['failed_', formatCount(r.failed)],
                    ['automated', share(r.automated)]])),
                block('request-items', 'perItem', countTable(t('catalogItem'), r.perItem, x => x === 'unknown' ? t('unknown') : x),
                    el('p', {class: 'definition'}, definition('requestsOpened')))),
            block('request-durations', 'requestDurations', table('figures', [t('figure'), t('median'), t('p90'), t('count'), t('definition')], [
                [label('leadTime'), formatDuration(r.leadTime.median), formatDuration(r.leadTime.p90), formatCount(r.leadTime.count),
                    {node: definition('leadTime'), className: 'definition'}],
                [label('approvalWait'), formatDuration(r.approvalWait.median), formatDuration(r.approvalWait.p90),
                    formatCount(r.approvalWait.count), {node: definition('approvalWait'), className: 'definition'}]])),

            el('h2', {class: 'section'}, t('microsoft')),
            block('microsoft-tickets', 'counts', table('figures figures-microsoft', [t('figure'), t('value'), t('definition')], [
                [label('tickets'), formatCount(ms.opened), {node: definition('tickets'), className: 'definition'}],
                [label('firstResponse'), t('median') + ' ' + formatDuration(ms.firstResponse.median) + ' / ' + t('p90') + ' '
                    + formatDuration(ms.firstResponse.p90), {node: definition('firstResponse'), className: 'definition'}],
                [label('ticketsOpenAtMonthEnd'), formatCount(ms.openAtMonthEnd), {node: definition('ticketsOpenAtMonthEnd'), className: 'definition'}]])),

            el('h2', {class: 'section', title: definition('services')}, t('services')),
            servicesBlock(report.services, report.timeZone),

            el('h2', {class: 'section', title: definition('trend')}, t('trend')),
            block('trend', 'chartTrend',
                el('div', {class: 'chart chart-wide', id: 'chart-trend', role: 'img', 'aria-label': t('chartTrend')}),
                trendTable(report.trend),
                el('p', {class: 'definition'}, definition('trend'))),
            el('h2', {class: 'section'}, t('issued')),
            el('div', {class: 'card', id: 'issued'}, el('p', {class: 'hint'}, t('issuedHint')), el('p', {class: 'hint'}, t('loading'))),
            el('p', {class: 'hint note'}, t('definitionsNote')));
        show(figures, true);
        drawCharts(i, report.trend);
        loadIssued(report.customerId, report.month, report.timeZone);
    }

    /** The month's issued PDFs; each downloads through the signed-in call, like the exports. */
    async function loadIssued(customer, month, zone) {
        const mine = loadCount;
        let rows;
        try {
            const response = await call(encodeURIComponent(customer) + '/issued');
            rows = (await response.json()).filter(entry => entry.month === month);
        } catch (e) {
            rows = null;
            if (mine === loadCount) {
                $('issued').lastChild.textContent = (e.status === 403 ? '' : t('failed')) + e.message;
            }
        }
        if (mine !== loadCount || rows === null) {
            return;
        }
        const holder = $('issued');
        holder.lastChild.remove();
        if (rows.length === 0) {
            holder.append(el('p', {class: 'hint'}, t('issuedNone')));
            return;
        }
        holder.append(table('figures figures-issued', [t('issuedFile'), t('issuedStatus'), t('issuedReviewer'), t('issuedAt'), t('issuedComment')],
            rows.map(entry => {
                const file = el('button', {type: 'button', class: 'link'}, entry.fileName);
                file.addEventListener('click', () => downloadIssued(customer, entry));
                const text = value => ({node: value || '—', className: 'definition'});
                return [{label: file}, text(t('status_' + entry.status)), text(entry.reviewedBy),
                    text(entry.reviewedAt ? formatTime(entry.reviewedAt, zone) : null), text(entry.reviewComment)];
            })));
    }

    async function downloadIssued(customer, entry) {
        try {
            const response = await call(encodeURIComponent(customer) + '/issued/' + encodeURIComponent(entry.id) + '.pdf', 'application/pdf');
            const link = el('a', {href: URL.createObjectURL(await response.blob()), download: entry.fileName});
            document.body.append(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(link.href), 10000);
        } catch (e) {
            message(e instanceof SignInNeeded ? e.message : (e.status === 403 ? '' : t('exportFailed')) + e.message);
        }
    }

    /** Per monitored resource; a month nobody collected, or a figure without data, says so in words, never 0. */
    function servicesBlock(services, zone) {
        if (!services || !services.collected) {
            return block('services', 'services', el('p', {class: 'empty', id: 'services-not-collected'}, t('servicesNotCollected')));
        }
        if (!services.resources.length) {
            return block('services', 'services', el('p', {class: 'empty'}, t('servicesNoResources')));
        }
        const rows = services.resources.map(r => {
            const f = r.figures;
            const availability = !('availability' in f) ? '—' : f.availability === null ? t('noData')
                : serviceValue('availability', f.availability) + ' (' + t('source_' + r.availabilitySource) + ')';
            const usage = Object.keys(f).filter(k => k !== 'availability').map(k => el('div', {title: definition('svc_' + k)},
                t('svc_' + k) + ': ' + (f[k] === null ? t('noData') : serviceValue(k, f[k]))));
            return [{label: r.name, title: r.resourceId}, {node: t('kind_' + r.kind), className: 'kind'},
                {node: availability, className: 'num', title: definition('availability')}, {node: usage.length ? usage : '—', className: 'usage'}];
        });
        return block('services', 'services',
            el('p', {class: 'hint'}, t('servicesCollectedAt', {at: formatTime(services.collectedAt, zone)})),
            table('figures services', [t('resource'), t('kind'), t('availability'), t('usage')], rows),
            el('dl', {class: 'definitions'}, ['availability', 'svc_cpuP95', 'svc_requests', 'svc_http5xxRate', 'svc_dtuPeak', 'svc_cpuPeak',
                'svc_sessions', 'svc_distinctUsers', 'noData'].flatMap(k => [el('dt', {}, t(k)), el('dd', {}, definition(k))])));
    }

    /** Availability and the 5xx rate are shares (two decimals: 99.95 % is not 99.5 %); Azure's own percentages keep one. */
    function serviceValue(key, value) {
        if (key === 'availability' || key === 'http5xxRate') {
            return new Intl.NumberFormat(LOCALE, {style: 'percent', maximumFractionDigits: 2}).format(value);
        }
        if (key === 'cpuP95' || key === 'dtuPeak' || key === 'cpuPeak') {
            return new Intl.NumberFormat(LOCALE, {maximumFractionDigits: 1}).format(value) + ' %';
        }
        return formatCount(value);
    }

    function tile(key, value, id, definitionKey) {
        return el('div', {class: 'tile', id, title: definition(definitionKey || key)},
            el('span', {class: 'tile-label'}, t(key)),
            el('span', {class: 'tile-value'}, value));
    }

    const share = s => formatRate(s.rate) + (s.of ? ' (' + t('of', {count: formatCount(s.count), of: formatCount(s.of)}) + ')' : '');

    function countTable(heading, counts, name) {
        const entries = Object.entries(counts || {});
        if (!entries.length) {
            return el('p', {class: 'empty'}, t('nothing'));
        }
        return table('figures', [heading, t('count')], entries.map(([k, n]) => [name(k), formatCount(n)]));
    }

    function rankedTable(ranked) {
        if (!ranked.length) {
            return el('p', {class: 'empty'}, t('nothing'));
        }
        return table('figures ranked', [t('name'), t('count')], ranked.map(x => [x.name, formatCount(x.count)]));
    }

    function durationTable(i) {
        const priorities = [...new Set([...Object.keys(i.timeToAcknowledge), ...Object.keys(i.timeToIdentifyCause),
            ...Object.keys(i.timeToResolve)])].filter(p => p !== 'all').sort();
        priorities.push('all');
        const kinds = ['timeToAcknowledge', 'timeToIdentifyCause', 'timeToResolve'];
        const headers = [t('priority'), ...kinds.flatMap(k => [t(k) + ' ' + t('median'), t('p90'), t('samples')])];
        const rows = priorities.map(p => [{label: priorityLabel(p)}, ...kinds.flatMap(k => {
            const d = i[k][p];
            return d ? [formatDuration(d.median), formatDuration(d.p90), formatCount(d.count)] : ['—', '—', formatCount(0)];
        })]);
        const node = table('figures durations', headers, rows);
        node.querySelectorAll('thead th').forEach((th, n) => {
            if (n > 0) {
                th.title = definition(kinds[Math.floor((n - 1) / 3)]);
            }
        });
        return node;
    }

    function breachTable(breaches, zone) {
        if (!breaches.length) {
            return el('p', {class: 'empty'}, t('noBreaches'));
        }
        return table('figures breaches', [t('incident'), t('priority'), t('target'), t('due'), t('reached'), ''],
            breaches.map(b => [b.incident || '—', {node: b.priority ? priorityLabel(b.priority) : '—', className: 'text'},
                {node: t('target_' + b.target), className: 'text'}, formatTime(b.due, zone),
                b.reached ? formatTime(b.reached, zone) : {node: t('notReached'), className: 'num late'},
                {node: el('a', {href: new URL('camunda/app/cockpit/default/#/process-instance/' + encodeURIComponent(b.processInstanceId), ROOT).href,
                    target: '_blank', rel: 'noopener', class: 'cockpit'}, t('openInCockpit')), className: 'text'}]));
    }

    function trendTable(trend) {
        const rows = [
            ['incidentsOpened', x => formatCount(x.incidentsOpened)],
            ['incidentsResolved', x => formatCount(x.incidentsResolved)],
            ['medianTimeToResolve', x => formatDuration(x.medianTimeToResolve)],
            ['resolveSlaCompliance', x => formatRate(x.resolveSlaCompliance)],
            ['trendRequestsOpened', x => formatCount(x.requestsOpened)],
            ['requestAutomation', x => formatRate(x.requestAutomation)]];
        return table('figures trend', [t('figure'), ...trend.map(x => formatMonth(x.month, 'short'))],
            rows.map(([key, value]) => [{label: t(key)}, ...trend.map(value)]));
    }

    // ---- charts -----------------------------------------------------------------------------

    function drawCharts(i, trend) {
        if (typeof echarts === 'undefined') {
            return;
        }
        const base = {animation: false, textStyle: {fontFamily: FONT}, grid: {left: 48, right: 48, top: 40, bottom: 32}};
        const priorities = Object.keys(i.byPriority);
        const byPriority = echarts.init($('chart-priority'), null, {renderer: 'canvas'});
        byPriority.setOption({
            ...base,
            tooltip: {trigger: 'axis'},
            xAxis: {type: 'category', data: priorities.map(priorityLabel)},
            yAxis: {type: 'value', minInterval: 1, name: t('count')},
            series: [{type: 'bar', name: t('opened'), data: priorities.map(p => i.byPriority[p]), barMaxWidth: 48,
                itemStyle: {color: '#2f6db5'}, label: {show: true, position: 'top'}}]
        });
        const months = trend.map(x => formatMonth(x.month, 'short'));
        const lines = echarts.init($('chart-trend'), null, {renderer: 'canvas'});
        lines.setOption({
            ...base,
            grid: {left: 48, right: 56, top: 56, bottom: 32},
            tooltip: {trigger: 'axis'},
            legend: {top: 0, data: [t('incidentsOpened'), t('incidentsResolved'), t('trendRequestsOpened'), t('resolveSlaCompliance')]},
            xAxis: {type: 'category', data: months},
            yAxis: [{type: 'value', minInterval: 1, name: t('count')},
                {type: 'value', min: 0, max: 1, axisLabel: {formatter: v => percent.format(v)}, splitLine: {show: false}}],
            series: [
                {type: 'line', name: t('incidentsOpened'), data: trend.map(x => x.incidentsOpened), color: '#2f6db5'},
                {type: 'line', name: t('incidentsResolved'), data: trend.map(x => x.incidentsResolved), color: '#3b9c5a'},
                {type: 'line', name: t('trendRequestsOpened'), data: trend.map(x => x.requestsOpened), color: '#c07a12'},
                {type: 'line', name: t('resolveSlaCompliance'), yAxisIndex: 1, data: trend.map(x => x.resolveSlaCompliance),
                    color: '#b23b3b', lineStyle: {type: 'dashed'}, connectNulls: false,
                    tooltip: {valueFormatter: v => formatRate(v)}}]
        });
        state.charts.push(byPriority, lines);
    }

    window.addEventListener('resize', () => state.charts.forEach(chart => chart.resize()));

    // ---- exports ----------------------------------------------------------------------------

    async function download(extension, accept) {
        const customer = $('customer').value;
        const month = $('month').value;
        if (!customer || !month || state.busy) {
            return;
        }
        state.busy = true;
        $('export-csv').disabled = true;
        $('export-pdf').disabled = true;
        show($('progress'), true);
        message('');
        try {
            const response = await call(encodeURIComponent(customer) + '/' + month + '.' + extension, accept);
            const blob = await response.blob();
            const named = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '');
            const link = el('a', {href: URL.createObjectURL(blob), download: named ? named[1] : 'opsflow-' + customer + '-' + month + '.' + extension});
            document.body.append(link);
            link.click();
            link.remove();
            setTimeout(() => URL.revokeObjectURL(link.href), 10000);
        } catch (e) {
            if (e instanceof SignInNeeded) {
                showSignIn(e.message);
            } else {
                message((e.status === 403 ? '' : t('exportFailed')) + e.message);
            }
        } finally {
            state.busy = false;
            $('export-csv').disabled = false;
            $('export-pdf').disabled = false;
            show($('progress'), false);
        }
    }

    // ---- start ------------------------------------------------------------------------------

    document.documentElement.lang = LANG;
    document.title = t('title');
    document.querySelectorAll('[data-text]').forEach(node => {
        node.textContent = t(node.dataset.text);
    });
    $('sign-in-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', signOut);
    $('filter').addEventListener('submit', event => {
        event.preventDefault();
        load();
    });
    $('customer').addEventListener('change', load);
    $('month').addEventListener('change', load);
    $('export-csv').addEventListener('click', () => download('csv', 'text/csv'));
    $('export-pdf').addEventListener('click', () => download('pdf', 'application/pdf'));

    if (sessionStorage.getItem(CREDENTIALS)) {
        start().catch(e => showSignIn(e instanceof SignInNeeded ? e.message : refusal(e)));
    } else {
        showSignIn('');
    }
})();
