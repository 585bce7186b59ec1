package dev.sluice.purge.task;

/**
 * How far one node is with a task.
 *
 * @param node the node's name
 * @param appliedSeq the highest purge log sequence of the task this node has applied, 0 for none
 * @param done whether the node has applied every command of the task
 */
public record NodeProgress(String node, long appliedSeq, boolean done) {}
