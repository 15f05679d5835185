"""Writes the media type exports (5.0 XML, 6.0 YAML) from opsflow-media-type.js and the parameters and
message templates below: run `python3 docs/zabbix/make-exports.py` after changing any of them
(ZabbixMediaTypeExportTest fails while the exports differ from the script)."""
import html
import os

root = os.path.dirname(os.path.abspath(__file__)) + '/'
script = open(root + 'opsflow-media-type.js', encoding='utf-8').read()
params = [
 ('opsflow_url','{$OPSFLOW.URL}'), ('opsflow_customer','{$OPSFLOW.CUSTOMER}'), ('opsflow_token','{$OPSFLOW.TOKEN}'),
 ('http_proxy','{$OPSFLOW.PROXY}'),
 ('event_id','{EVENT.ID}'), ('event_name','{EVENT.NAME}'), ('event_value','{EVENT.VALUE}'), ('event_status','{EVENT.STATUS}'),
 ('event_severity','{EVENT.SEVERITY}'), ('event_nseverity','{EVENT.NSEVERITY}'), ('event_date','{EVENT.DATE}'), ('event_time','{EVENT.TIME}'),
 ('event_tags','{EVENT.TAGSJSON}'), ('event_update_status','{EVENT.UPDATE.STATUS}'), ('event_update_action','{EVENT.UPDATE.ACTION}'),
 ('event_update_message','{EVENT.UPDATE.MESSAGE}'), ('event_update_date','{EVENT.UPDATE.DATE}'), ('event_update_time','{EVENT.UPDATE.TIME}'),
 ('event_update_user','{USER.FULLNAME}'), ('event_ack_status','{EVENT.ACK.STATUS}'), ('event_recovery_id','{EVENT.RECOVERY.ID}'),
 ('event_recovery_date','{EVENT.RECOVERY.DATE}'), ('event_recovery_time','{EVENT.RECOVERY.TIME}'),
 ('trigger_id','{TRIGGER.ID}'), ('trigger_name','{TRIGGER.NAME}'), ('trigger_severity','{TRIGGER.SEVERITY}'), ('trigger_status','{TRIGGER.STATUS}'),
 ('trigger_hostgroups','{TRIGGER.HOSTGROUP.NAME}'), ('host_name','{HOST.NAME}'), ('host_host','{HOST.HOST}'), ('host_ip','{HOST.IP}'),
 ('item_name','{ITEM.NAME}'), ('item_lastvalue','{ITEM.LASTVALUE}'), ('alert_sendto','{ALERT.SENDTO}'), ('alert_subject','{ALERT.SUBJECT}'),
 ('alert_message','{ALERT.MESSAGE}'), ('zabbix_url','{$ZABBIX.URL}'),
]
params.sort()  # Zabbix exports parameters by name
templates = [
 ('PROBLEM', 'Problem: {EVENT.NAME}',
  'Problem started at {EVENT.TIME} on {EVENT.DATE}\nProblem name: {EVENT.NAME}\nHost: {HOST.NAME}\nSeverity: {EVENT.SEVERITY}\nOperational data: {EVENT.OPDATA}\nOriginal problem ID: {EVENT.ID}'),
 ('RECOVERY', 'Resolved in {EVENT.DURATION}: {EVENT.NAME}',
  'Problem has been resolved at {EVENT.RECOVERY.TIME} on {EVENT.RECOVERY.DATE}\nProblem name: {EVENT.NAME}\nProblem duration: {EVENT.DURATION}\nHost: {HOST.NAME}\nSeverity: {EVENT.SEVERITY}\nOriginal problem ID: {EVENT.ID}'),
 ('UPDATE', 'Updated problem in {EVENT.AGE}: {EVENT.NAME}',
  '{USER.FULLNAME} {EVENT.UPDATE.ACTION} problem at {EVENT.UPDATE.DATE} {EVENT.UPDATE.TIME}.\n{EVENT.UPDATE.MESSAGE}\n\nCurrent problem status is {EVENT.STATUS}, age is {EVENT.AGE}, acknowledged: {EVENT.ACK.STATUS}.'),
]
description = ('opsflow webhook (docs/zabbix-media-type.md). Set the macros {$OPSFLOW.URL}, {$OPSFLOW.CUSTOMER}, '
               '{$OPSFLOW.TOKEN} (secret text) and {$ZABBIX.URL}; {$OPSFLOW.PROXY} only behind a proxy.')
x = lambda s: html.escape(s, quote=False)
out = ['<?xml version="1.0" encoding="UTF-8"?>', '<zabbix_export>', '    <version>5.0</version>', '    <date>2026-12-01T00:00:00Z</date>',
       '    <media_types>', '        <media_type>', '            <name>opsflow</name>', '            <type>WEBHOOK</type>', '            <parameters>']
for n, v in params:
    out += ['                <parameter>', f'                    <name>{x(n)}</name>', f'                    <value>{x(v)}</value>', '                </parameter>']
out += ['            </parameters>', '            <max_attempts>3</max_attempts>', '            <attempt_interval>30s</attempt_interval>',
        f'            <script>{x(script)}</script>', '            <timeout>10s</timeout>', f'            <description>{x(description)}</description>',
        '            <message_templates>']
for mode, subject, message in templates:
    out += ['                <message_template>', '                    <event_source>TRIGGERS</event_source>',
            f'                    <operation_mode>{mode}</operation_mode>', f'                    <subject>{x(subject)}</subject>',
            f'                    <message>{x(message)}</message>', '                </message_template>']
out += ['            </message_templates>', '        </media_type>', '    </media_types>', '</zabbix_export>', '']
open(root + 'opsflow-media-type-5.0.xml', 'w', encoding='utf-8').write('\n'.join(out))

q = lambda s: "'" + s.replace("'", "''") + "'"
def block(text, indent):
    pad = ' ' * indent
    return '|' + ('' if text.endswith('\n') else '-') + '\n' + '\n'.join((pad + l) if l else '' for l in text.rstrip('\n').split('\n'))
y = ['zabbix_export:', "  version: '6.0'", "  date: '2026-12-01T00:00:00Z'", '  media_types:', '    - name: opsflow', '      type: WEBHOOK', '      parameters:']
for n, v in params:
    y += [f'        - name: {n}', f'          value: {q(v)}']
y += ["      max_attempts: '3'", '      attempt_interval: 30s', '      script: ' + block(script, 8), '      timeout: 10s',
      '      description: ' + q(description), '      message_templates:']
for mode, subject, message in templates:
    y += ['        - event_source: TRIGGERS', f'          operation_mode: {mode}', f'          subject: {q(subject)}',
          '          message: ' + block(message, 12)]
open(root + 'opsflow-media-type-6.0.yaml', 'w', encoding='utf-8').write('\n'.join(y) + '\n')
