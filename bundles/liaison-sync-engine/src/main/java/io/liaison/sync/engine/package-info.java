/**
 * A side-agnostic, status-based three-way synchronisation (as vdirsyncer does it): the {@link
 * io.liaison.sync.engine.Planner} compares the links with the changes of both sides and plans one
 * {@link io.liaison.sync.engine.Step} per item; the {@link io.liaison.sync.engine.Reconciler} applies the plan through
 * two {@link io.liaison.sync.engine.SideStore}s, saving the link after each item, and advances the change-feed
 * tokens only after the whole change set was applied. Not exported: modules copy this package privately.
 */
package io.liaison.sync.engine;
