package dev.parley.limit;

import dev.parley.config.ContactLimitsConfig;
import dev.parley.error.ClientError;

/**
 * The rate limits of the anonymous contact API ({@code limits} in parley.yml): per client address for
 * what creates contacts and conversations, per contact and per address for writing and uploading.
 * A refusal is a 429 with {@code Retry-After}; a permit taken by the first of two limits is given back
 * when the second refuses, so a refused request costs nothing.
 */
public final class ContactLimits {
    private final Limiter openPerAddress;
    private final Limiter writePerContact;
    private final Limiter writePerAddress;
    private final Limiter uploadPerContact;
    private final Limiter uploadPerAddress;

    public ContactLimits(ContactLimitsConfig config, Limiters limiters) {
        this.openPerAddress = limiters.limiter("contact-open-address", config.openPerAddress());
        this.writePerContact = limiters.limiter("contact-write-contact", config.writePerContact());
        this.writePerAddress = limiters.limiter("contact-write-address", config.writePerAddress());
        this.uploadPerContact = limiters.limiter("contact-upload-contact", config.uploadPerContact());
        this.uploadPerAddress = limiters.limiter("contact-upload-address", config.uploadPerAddress());
    }

    /** Opening a conversation or identifying a visitor, from {@code address}. */
    public void opening(String address) {
        openPerAddress.enforce(ClientAddress.key(address), "conversations opened from this address");
    }

    /** A message, click, registration or page event of {@code contactId} from {@code address}. */
    public void writing(String address, String contactId) {
        both(writePerContact, contactId, writePerAddress, address, "messages");
    }

    /** A file upload (or fetch by URL) of {@code contactId} from {@code address}. */
    public void uploading(String address, String contactId) {
        both(uploadPerContact, contactId, uploadPerAddress, address, "uploads");
    }

    private static void both(Limiter perContact, String contactId, Limiter perAddress, String address, String what) {
        perContact.enforce(contactId, what + " from this contact");
        try {
            perAddress.enforce(ClientAddress.key(address), what + " from this address");
        } catch (ClientError e) {
            perContact.refund(contactId);
            throw e;
        }
    }
}
