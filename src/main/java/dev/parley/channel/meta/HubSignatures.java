package dev.parley.channel.meta;

import dev.parley.channel.InboundRequest;
import dev.parley.channel.Verification;
import dev.parley.error.ClientError;
import java.util.List;

/** The inbound half both Meta channels share: the signature check of a webhook and the answer to a bad body. */
public final class HubSignatures {
    private final HubSignature signature;

    public HubSignatures(String appSecret) {
        this.signature = new HubSignature(appSecret);
    }

    /** {@code X-Hub-Signature-256} checked over the raw body, in constant time. */
    public Verification verify(InboundRequest request) {
        return switch (signature.check(request.body(), request.header(HubSignature.HEADER))) {
            case SignatureCheck.Valid valid -> new Verification.Verified();
            case SignatureCheck.Missing missing -> new Verification.Refused("no " + HubSignature.HEADER + " header");
            case SignatureCheck.Malformed malformed -> new Verification.Refused(HubSignature.HEADER + ": "
                    + malformed.detail());
            case SignatureCheck.Mismatch mismatch -> new Verification.Refused(HubSignature.HEADER
                    + " does not match the body signed with the app secret");
        };
    }

    /** The events of a parsed body; a body that is not the vendor's shape is a 400 naming the field. */
    public static <T> List<T> events(WebhookParse<T> parse) {
        return switch (parse) {
            case WebhookParse.Parsed<T> parsed -> parsed.events();
            case WebhookParse.Rejected<T> rejected -> throw ClientError.badRequest("invalid_webhook",
                    rejected.detail());
        };
    }
}
