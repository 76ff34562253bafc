package io.voucherify.spring;

/**
 * A setting of {@link VouchersTemplateBuilder} is missing or invalid. The message names
 * the setting and the problem, never the setting's value, which may be the secret key.
 *
 * @since 0.1.0
 */
public class InvalidVoucherifySettingException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/** The problem of a setting that is missing. */
	static final String NOT_SET = "is not set";

	private final String setting;

	private final String problem;

	/**
	 * Create an exception.
	 * @param setting the builder's name of the setting, such as {@code secretKey}
	 * @param problem what is wrong, such as {@code is not set}
	 */
	public InvalidVoucherifySettingException(String setting, String problem) {
		super(setting + " " + problem);
		this.setting = setting;
		this.problem = problem;
	}

	/**
	 * The builder's name of the setting, such as {@code secretKey}.
	 * @return the setting
	 */
	public String getSetting() {
		return this.setting;
	}

	/**
	 * What is wrong with the setting, without its name.
	 * @return the problem
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * Whether the setting is missing, rather than set to an invalid value.
	 * @return {@code true} if it is not set
	 */
	public boolean isMissing() {
		return NOT_SET.equals(this.problem);
	}

}
