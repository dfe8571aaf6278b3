package io.mlconnector.sandbox.bc;

/** Where {@link BcSandbox#holdNext} stops a request. */
public enum HoldPoint {
    /** Before the sandbox looks at the request: BC has done nothing. A request whose caller hung up while held is
     *  dropped on release (never processed), as a request lost on the way. */
    BEFORE_PROCESSING,
    /** After the sandbox processed and committed the request, before the answer is sent: BC has done it, the caller
     *  has not heard. Closing the connection never undoes the work. */
    AFTER_PROCESSING
}
