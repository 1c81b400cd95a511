/**
 * The money actions an admin may take, for the admin dashboard to call with the admin's token:
 * grant or revoke seconds, refund a purchase, disable or enable an account, read an account's
 * standing. The acting admin ({@code sub}) and the reason go into the ledger entry.
 */
package ai.mindbot.time.admin;
