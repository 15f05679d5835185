package io.opsflow.sandbox;

/**
 * What "Microsoft" writes on a sandbox ticket, in Japanese as it does for a {@code ja-jp} contact:
 * the first response, a reply to each message of the MSP and, on a {@code [close]} ticket, the
 * closing message. Subjects carry the ticket number as Microsoft's support mails do.
 */
final class MicrosoftReplies {

    /** The sender of Microsoft's messages on the ticket. */
    static final String SENDER = "support@mail.support.microsoft.com";
    static final String ENGINEER = "山田 翼";

    private static final String SIGNATURE = """

            引き続きよろしくお願いいたします。

            日本マイクロソフト株式会社
            Azure サポート エンジニア %s
            """.formatted(ENGINEER);

    private MicrosoftReplies() {
    }

    record Reply(String subject, String body) {
    }

    static Reply firstResponse(String ticketNumber, String title, String contactLastName) {
        return new Reply("[TrackingID#" + ticketNumber + "] お問い合わせを承りました - " + title, """
                %s 様

                いつも Microsoft Azure をご利用いただき、誠にありがとうございます。
                Azure サポートの%sでございます。
                このたびお問い合わせいただきました件 (お問い合わせ番号: %s) を担当させていただきます。

                ■ お問い合わせ内容
                %s

                現在、弊社内にて対象リソースのプラットフォーム側のログを確認しております。
                調査を進めるにあたり、恐れ入りますが以下の情報をご提供いただけますでしょうか。

                1. 事象が最初に発生した日時 (日本時間)
                2. 事象の発生前後に実施された変更作業の有無
                3. 事象が現在も継続しているか、断続的に発生しているか
                """.formatted(contactLastName, ENGINEER.split(" ")[0], ticketNumber, title) + SIGNATURE);
    }

    static Reply answer(String ticketNumber, String theirSubject, String contactLastName) {
        return new Reply(reply(ticketNumber, theirSubject), """
                %s 様

                ご連絡いただき、ありがとうございます。Azure サポートの%sでございます。
                いただいた情報をもとに弊社内のログを確認いたしましたところ、対象リソースが稼働するホストで
                一時的なプラットフォーム事象が記録されており、現在は解消していることを確認いたしました。
                お手数ですが、現在も事象が継続しているかご確認いただけますでしょうか。
                """.formatted(contactLastName, ENGINEER.split(" ")[0]) + SIGNATURE);
    }

    static Reply closing(String ticketNumber, String theirSubject, String contactLastName) {
        return new Reply(reply(ticketNumber, theirSubject), """
                %s 様

                Azure サポートの%sでございます。
                プラットフォーム側の事象が解消し、対象リソースが正常に稼働していることを確認いたしましたため、
                本お問い合わせ (お問い合わせ番号: %s) はクローズとさせていただきます。
                同様の事象が再発した場合は、お問い合わせ番号を添えて新しいサポート リクエストを作成してください。
                """.formatted(contactLastName, ENGINEER.split(" ")[0], ticketNumber) + SIGNATURE);
    }

    private static String reply(String ticketNumber, String theirSubject) {
        String tag = "[TrackingID#" + ticketNumber + "]";
        return "RE: " + (theirSubject.contains(tag) ? theirSubject.replaceFirst("^(RE: )+", "") : tag + " " + theirSubject);
    }
}
