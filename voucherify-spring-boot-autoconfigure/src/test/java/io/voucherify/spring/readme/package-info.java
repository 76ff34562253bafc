/**
 * The README's Java examples, compiled (and, where they are tests, run) with the build:
 * {@code ReadmeSnippetsTests} checks that every Java block of the READMEs is the tagged
 * region of one of these sources.
 */
package io.voucherify.spring.readme;
