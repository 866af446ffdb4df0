"""Is this right? The trusted grader, the sandbox and the wire codec."""
