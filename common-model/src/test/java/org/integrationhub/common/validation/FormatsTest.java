package org.integrationhub.common.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    static boolean externalId(String text) {
        return Formats.EXTERNAL_ID.matcher(text).matches();
    }

    @Test
    void externalIdsAreVisibleTextInAnyScript() {
        assertThat(externalId("D-100")).isTrue();
        assertThat(externalId("科室-01")).isTrue();
        assertThat(externalId("HIS/dept 7")).as("spaces and punctuation").isTrue();
        assertThat(externalId("Ärzte")).isTrue();
        assertThat(externalId("A\u0308")).as("a letter with a combining mark").isTrue();
        assertThat(externalId("\uD83C\uDFE5-1")).as("a symbol outside the BMP (U+1F3E5)").isTrue();
        assertThat(externalId("کد\u200Cها")).as("a zero width non-joiner inside Persian text").isTrue();
        assertThat(externalId("x".repeat(128))).isTrue();
    }

    @Test
    void externalIdsWithControlCharactersOrLineBreaksAreRefused() {
        assertThat(externalId("D-\u0085-1")).as("NEL, a C1 control").isFalse();
        assertThat(externalId("D\u009F")).as("APC, a C1 control").isFalse();
        assertThat(externalId("D\u007F")).as("DEL").isFalse();
        assertThat(externalId("D\t1")).isFalse();
        assertThat(externalId("D\n1")).isFalse();
        assertThat(externalId("D\u20281")).as("LINE SEPARATOR").isFalse();
        assertThat(externalId("D\u20291")).as("PARAGRAPH SEPARATOR").isFalse();
        assertThat(externalId("D\uD800")).as("a lone surrogate").isFalse();
    }

    @Test
    void externalIdsOfOnlyInvisibleCharactersAreRefused() {
        assertThat(externalId("\u200B")).as("ZERO WIDTH SPACE").isFalse();
        assertThat(externalId("\u200B\uFEFF\u2060")).as("format characters only").isFalse();
        assertThat(externalId("\u3000 \u00A0")).as("spaces only").isFalse();
        assertThat(externalId("\u0301")).as("a combining mark alone").isFalse();
        assertThat(externalId("\uE000")).as("a private use character alone").isFalse();
        assertThat(externalId("")).isFalse();
        assertThat(externalId("x".repeat(129))).isFalse();
    }
}
