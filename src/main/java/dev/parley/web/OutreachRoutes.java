package dev.parley.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.parley.braze.Outreach;
import dev.parley.conversation.ContactService;
import dev.parley.conversation.ProactiveConversations;
import dev.parley.error.ClientError;
import dev.parley.json.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Braze outreach webhook, {@code POST /api/integrations/braze/v1/outreach}: a Canvas webhook step
 * opens a proactive conversation. The token comes as {@code Authorization: Bearer <token>}.
 */
final class OutreachRoutes {
    static final String PATH = "/api/integrations/braze/v1/outreach";
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_VARIABLES = 10 * 1024;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final Outreach outreach;

    OutreachRoutes(Outreach outreach) {
        this.outreach = outreach;
    }

    void register(RoutesConfig r) {
        r.post(PATH, ctx -> {
            outreach.authenticate(bearer(ctx));
            Outreach.Result result = outreach.start(request(Bodies.object(ctx, MAX_BODY)));
            ObjectNode answer = Json.object().put("conversation_id", result.conversationId());
            if (result.duplicate()) {
                answer.put("duplicate", true);
            }
            ctx.status(202).json(answer);
        });
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The checked request; every refusal names the field and the rule. */
    static Outreach.Request request(ObjectNode body) {
        Fields f = new Fields(body);
        String outreachId = f.requiredString("outreach_id", 1, 200);
        ProactiveConversations.Reach reach = reach(f);
        Optional<String> channel = f.optionalString("channel", 1, 200);
        Optional<String> widget = f.optionalString("widget", 1, 200);
        if (channel.isPresent() && widget.isPresent()) {
            throw ClientError.badRequest("invalid_field", "channel and widget: give one of them, not both", "widget");
        }
        if (channel.isEmpty() && widget.isEmpty()) {
            throw ClientError.badRequest("invalid_field", "widget or channel is required (the id of the website widget"
                    + " or of the WhatsApp channel to open the conversation on)", "widget");
        }
        Optional<String> flow = f.optionalString("flow", 1, 200);
        Optional<String> bot = f.optionalString("bot", 1, 200);
        if (flow.isPresent() && bot.isPresent()) {
            throw ClientError.badRequest("invalid_field", "flow and bot: give one of them, not both", "bot");
        }
        if (flow.isEmpty() && bot.isEmpty()) {
            throw ClientError.badRequest("invalid_field",
                    "flow or bot is required (the flow to run, or the bot to start)", "flow");
        }
        Optional<String> message = f.optionalString("message", 1, ContactService.MAX_MESSAGE);
        Outreach.Target target;
        if (channel.isPresent()) {
            if (message.isPresent()) {
                throw ClientError.badRequest("invalid_field", "message: an outreach on a channel starts with an"
                        + " approved template; send \"template\" instead of \"message\"", "message");
            }
            ObjectNode template = f.optionalObject("template").orElseThrow(() -> ClientError.badRequest(
                    "invalid_field", "template is required with channel (an object with the approved template's"
                            + " name, language and parameters)", "template"));
            target = new Outreach.Target.OnChannel(channel.get(), OutreachTemplates.template(template));
        } else {
            if (body.hasNonNull("template")) {
                throw ClientError.badRequest("invalid_field", "template: message templates apply to channels only;"
                        + " on a widget send the first message as \"message\"", "template");
            }
            target = new Outreach.Target.OnWidget(widget.orElseThrow(), message);
        }
        ObjectNode variables = f.optionalObject("variables").orElseGet(Json::object);
        int size = Json.write(variables).getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_VARIABLES) {
            throw new ClientError(ClientError.Kind.TOO_LARGE, "variables_too_large", "variables: the object has "
                    + size + " bytes as JSON; the limit is " + MAX_VARIABLES + " bytes", Optional.of("variables"),
                    Optional.empty());
        }
        return new Outreach.Request(outreachId, reach, target, flow, bot, variables);
    }

    private static ProactiveConversations.Reach reach(Fields f) {
        ObjectNode user = f.optionalObject("user").orElseThrow(() -> ClientError.badRequest("invalid_field",
                "user is required (an object with external_id, email or phone)", "user"));
        Fields u = new Fields(user, "user.");
        Optional<String> externalId = u.optionalString("external_id", 1, 200);
        Optional<String> email = u.optionalString("email", 3, 254);
        Optional<String> phone = u.optionalString("phone", 2, 20);
        if (externalId.isEmpty() && email.isEmpty() && phone.isEmpty()) {
            throw ClientError.badRequest("invalid_field",
                    "user needs at least one of external_id, email, phone to reach the contact", "user");
        }
        if (email.isPresent() && !EMAIL.matcher(email.get()).matches()) {
            throw ClientError.badRequest("invalid_field", "user.email: '" + email.get()
                    + "' is not an e-mail address", "user.email");
        }
        if (phone.isPresent() && !e164(phone.get())) {
            throw ClientError.badRequest("invalid_field", "user.phone: '" + phone.get()
                    + "' is not a valid phone number in E.164 form (e.g. +4915112345678)", "user.phone");
        }
        return new ProactiveConversations.Reach(externalId, email, phone);
    }

    private static boolean e164(String number) {
        try {
            var parsed = PHONES.parse(number, null);
            return number.startsWith("+") && PHONES.isValidNumber(parsed)
                    && PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164).equals(number);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
