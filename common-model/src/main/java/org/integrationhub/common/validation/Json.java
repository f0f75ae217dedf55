package org.integrationhub.common.validation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The strict reader for partner bodies: duplicate keys are an error (a second value must never win
 * silently), nesting is bounded, and trailing content after the document is refused.
 */
public final class Json {

    /** Deepest nesting accepted; the envelope needs four levels, the rest is headroom. */
    public static final int MAX_NESTING_DEPTH = 16;
    /** Most digits a number may have. */
    public static final int MAX_NUMBER_LENGTH = 10_000;

    public static final ObjectMapper STRICT = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(1 << 20)
                    // a field name may be as long as a body; the validation names it as unknown
                    .maxNameLength(1 << 20)
                    // numbers are judged by the validation, not refused whole; the bound keeps BigInteger
                    // parsing (quadratic in the digits) cheap
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {
    }
}
