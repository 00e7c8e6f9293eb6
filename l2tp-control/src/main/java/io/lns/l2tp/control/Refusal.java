package io.lns.l2tp.control;

import io.lns.l2tp.avp.MessageAvps.ResultCode;

/** Why a tunnel or session is refused or ended: the Result Code AVP to send (RFC 2661 §4.4.2). */
public record Refusal(int result, int error, String message) {

    public ResultCode toAvpValue() {
        return error == ResultCode.NO_ERROR_CODE && message.isEmpty()
                ? ResultCode.of(result)
                : ResultCode.of(result, error == ResultCode.NO_ERROR_CODE ? 0 : error, message);
    }

    @Override
    public String toString() {
        return "result " + result + (error >= 0 ? " error " + error : "")
                + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
