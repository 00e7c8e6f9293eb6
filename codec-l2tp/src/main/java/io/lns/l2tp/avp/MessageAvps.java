package io.lns.l2tp.avp;

import io.lns.l2tp.message.ControlMessageType;
import java.util.Optional;

/** AVPs that frame every control message (RFC 2661 §4.4.1, §4.4.2). */
public final class MessageAvps {
    private MessageAvps() {}

    /** Message Type (type 0): must be the first AVP of a control message. */
    public record MessageType(int code) implements AvpValue {
        public MessageType {
            AvpChecks.u16("Message Type", code);
        }

        public static MessageType of(ControlMessageType type) {
            return new MessageType(type.code());
        }

        /** The message type, or empty for a code this catalogue does not know. */
        public Optional<ControlMessageType> type() {
            return ControlMessageType.byCode(code);
        }
    }

    /**
     * Result Code (type 1): result code, optional error code ({@link #NO_ERROR_CODE} when absent)
     * and optional error message ("" when absent) (§4.4.2).
     */
    public record ResultCode(int result, int error, String message) implements AvpValue {
        public static final int NO_ERROR_CODE = -1;

        public ResultCode {
            AvpChecks.u16("Result Code", result);
            if (error != NO_ERROR_CODE) AvpChecks.u16("Error Code", error);
            AvpChecks.notNull("Error Message", message);
            if (error == NO_ERROR_CODE && !message.isEmpty()) {
                throw new IllegalArgumentException("an Error Message needs an Error Code (§4.4.2)");
            }
        }

        public static ResultCode of(int result) {
            return new ResultCode(result, NO_ERROR_CODE, "");
        }

        public static ResultCode of(int result, int error, String message) {
            return new ResultCode(result, error, message);
        }

        public boolean hasError() {
            return error != NO_ERROR_CODE;
        }
    }

    /**
     * Random Vector (type 36): the salt for hidden AVPs that follow it (§4.3); at least one octet,
     * as the decoder requires.
     */
    public record RandomVector(Octets value) implements AvpValue {
        public RandomVector {
            AvpChecks.notEmpty("Random Vector", value);
        }
    }
}
