package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code addons} and {@code smtp} keys of {@code parley.yml}. */
class DispatchConfigTest {

    private static final Map<String, String> ENV = Map.of("CRM_TOKEN", "t0ken", "CRM_SIGNING", "s3cret",
            "SMTP_USER", "mailer", "SMTP_PASSWORD", "p4ss");

    @Test
    void webhookAddOnsAndSmtpAreRead() {
        ParleyConfig config = ConfigLoader.parse("""
                addons:
                  - { name: crm, type: webhook, url: "https://crm.example/hooks/parley",
                      headers: { Authorization: "Bearer ${CRM_TOKEN}" }, signing_secret_env: CRM_SIGNING }
                  - { name: archive, type: webhook, url: "http://archive.local/in", request_timeout: 3s }
                smtp: { host: localhost, port: 2525, from: "Parley <noreply@example.com>",
                        username_env: SMTP_USER, password_env: SMTP_PASSWORD, starttls: true }
                """, "parley.yml", ENV);

        assertThat(config.addons()).containsExactly(
                new AddonConfig.Webhook("crm", URI.create("https://crm.example/hooks/parley"),
                        Map.of("Authorization", "Bearer t0ken"), Optional.of("s3cret"), Duration.ofSeconds(10)),
                new AddonConfig.Webhook("archive", URI.create("http://archive.local/in"), Map.of(), Optional.empty(),
                        Duration.ofSeconds(3)));
        assertThat(config.smtp()).contains(new SmtpConfig("localhost", 2525, "Parley <noreply@example.com>",
                Optional.of("mailer"), Optional.of("p4ss"), true));
    }

    @Test
    void brazeAddOnsTakeTheRuleKeys() {
        ParleyConfig config = ConfigLoader.parse("""
                environments: { sandbox: { braze: { url: "https://rest.iad-01.braze.com", api_key_env: CRM_TOKEN } } }
                addons:
                  - { name: braze, type: braze, event: chat_summary, attributes: [email], identify_by: email }
                  - { name: plain, type: braze }
                """, "parley.yml", ENV);

        assertThat(config.addons()).containsExactly(
                new AddonConfig.Braze("braze", new BrazeRetargeting("chat_summary", java.util.List.of("email"),
                        java.util.List.of(BrazeRetargeting.IdentifyBy.EMAIL))),
                new AddonConfig.Braze("plain", BrazeRetargeting.defaults()));
    }

    @Test
    void withoutTheKeysThereAreNoAddOnsAndNoMail() {
        ParleyConfig config = ConfigLoader.parse("groups: [{ id: support, name: Support }]\n", "parley.yml", Map.of());

        assertThat(config.addons()).isEmpty();
        assertThat(config.smtp()).isEmpty();
    }

    @Test
    void smtpDefaultsToPort25WithoutLogInOrTls() {
        ParleyConfig config = ConfigLoader.parse("smtp: { host: mail.example.com, from: noreply@example.com }\n",
                "parley.yml", Map.of());

        assertThat(config.smtp()).contains(new SmtpConfig("mail.example.com", 25, "noreply@example.com",
                Optional.empty(), Optional.empty(), false));
    }

    @Test
    void secretsAreNeverShown() {
        ParleyConfig config = ConfigLoader.parse("""
                addons: [{ name: crm, type: webhook, url: "https://crm.example/h", headers: { X-Key: "${CRM_TOKEN}" },
                           signing_secret_env: CRM_SIGNING }]
                smtp: { host: localhost, from: a@example.com, username_env: SMTP_USER, password_env: SMTP_PASSWORD }
                """, "parley.yml", ENV);

        assertThat(config.toString()).doesNotContain("t0ken", "s3cret", "mailer", "p4ss").contains("****");
    }

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                arguments("unknown add-on type", "addons:\n  - { name: crm, type: zapier, url: 'https://x.example' }\n",
                        "parley.yml:2: addons[0].type: 'zapier' is not one of webhook, braze"),
                arguments("braze add-on with a webhook key", "environments: { sandbox: { braze: { url: 'https://b.example',"
                                + " api_key_env: HOME } } }\naddons:\n  - { name: braze, type: braze, url: 'https://x.example' }\n",
                        "parley.yml:3: addons[0].url: unknown key 'url' (expected one of: name, type, event, attributes,"
                                + " identify_by)"),
                arguments("braze add-on without Braze", "addons:\n  - name: braze\n    type: braze\n",
                        "parley.yml:3: addons[0].type: sends to Braze, but the file defines no environments; add one"
                                + " with a braze key (url, api_key_env)"),
                arguments("add-on without type", "addons:\n  - name: crm\n    url: https://x.example\n",
                        "parley.yml:2: addons[0].type: required key is missing"),
                arguments("webhook add-on without url", "addons:\n  - name: crm\n    type: webhook\n",
                        "parley.yml:2: addons[0].url: required key is missing"),
                arguments("add-on url not http", "addons:\n  - name: crm\n    type: webhook\n    url: ftp://x.example\n",
                        "parley.yml:4: addons[0].url: 'ftp://x.example' is not an absolute http(s) URL"),
                arguments("duplicate add-on name", "addons:\n  - { name: crm, type: webhook, url: 'https://a.example' }\n"
                                + "  - { name: crm, type: webhook, url: 'https://b.example' }\n",
                        "parley.yml:3: addons[1].name: duplicate add-on name 'crm' (first on line 2)"),
                arguments("misspelt add-on key", "addons:\n  - name: crm\n    type: webhook\n    url: https://x.example\n"
                                + "    header: {}\n",
                        "parley.yml:5: addons[0].header: unknown key 'header'; did you mean 'headers'?"),
                arguments("signing secret in the file", "addons:\n  - name: crm\n    type: webhook\n    url: https://x.example\n"
                                + "    signing_secret: abc\n",
                        "parley.yml:5: addons[0].signing_secret: secrets may not be written in the file; use"
                                + " signing_secret_env (an environment variable) or signing_secret_file (a file) instead"),
                arguments("addons not a list", "addons: { crm: {} }\n",
                        "parley.yml:1: addons: expected a list, got a mapping"),
                arguments("smtp without host", "smtp:\n  from: a@example.com\n",
                        "parley.yml:2: smtp.host: required key is missing"),
                arguments("smtp port out of range", "smtp:\n  host: localhost\n  port: 70000\n  from: a@example.com\n",
                        "parley.yml:3: smtp.port: must be between 1 and 65535, got 70000"),
                arguments("smtp sender not an address", "smtp:\n  host: localhost\n  from: Parley\n",
                        "parley.yml:3: smtp.from: 'Parley' is not an e-mail address (such as Parley <noreply@example.com>)"),
                arguments("smtp password without user", "smtp:\n  host: localhost\n  from: a@example.com\n"
                                + "  password_env: HOME\n",
                        "parley.yml:2: smtp.username_env: set both username and password for SMTP log-in, or neither"),
                arguments("smtp starttls not a boolean", "smtp:\n  host: localhost\n  from: a@example.com\n  starttls: yes please\n",
                        "parley.yml:4: smtp.starttls: 'yes please' is not true or false"),
                arguments("misspelt smtp key", "smtp:\n  host: localhost\n  from: a@example.com\n  pasword_env: P\n",
                        "parley.yml:4: smtp.pasword_env: unknown key 'pasword_env'; did you mean 'password_env'?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void invalidKeysNameLinePathAndExpectation(String description, String yaml, String message) {
        assertThatThrownBy(() -> ConfigLoader.parse(yaml, "parley.yml", Map.of("HOME", "/root")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(message);
    }
}
