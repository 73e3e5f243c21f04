// Polls a job's state and updates the progress bar until the job finishes (no framework: a page of plain HTML).
(function () {
  const box = document.getElementById("job");
  if (!box) return;
  const next = document.getElementById("job-next");
  // A job that finished before this page was rendered: go straight on to its result.
  if (box.dataset.finished === "true") {
    if (next && !next.hidden) window.location.assign(next.getAttribute("href"));
    return;
  }
  const id = box.dataset.jobId;
  const labels = { Queued: "排队中", Running: "进行中", Succeeded: "已完成", Failed: "失败", Cancelled: "已取消" };
  async function poll() {
    let job;
    try {
      const response = await fetch(`/api/v1/jobs/${id}`, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(response.status);
      job = await response.json();
    } catch {
      setTimeout(poll, 2000);
      return;
    }
    const percent = job.total > 0 ? Math.min(100, Math.floor(job.done * 100 / job.total)) : (job.finished ? 100 : 0);
    document.getElementById("job-bar").style.width = percent + "%";
    box.querySelector(".progress").setAttribute("aria-valuenow", percent);
    document.getElementById("job-counts").textContent = job.total ? `${job.done} / ${job.total}` : `${job.done}`;
    document.getElementById("job-message").textContent = job.message || "";
    const state = document.getElementById("job-state");
    state.textContent = document.documentElement.lang === "en" ? job.state : (labels[job.state] || job.state);
    state.className = "state-" + job.state;
    if (job.error) {
      const error = document.getElementById("job-error");
      error.textContent = job.error;
      error.hidden = false;
    }
    if (job.finished) {
      box.dataset.finished = "true";
      if (next && (job.state === "Succeeded" || job.state === "Failed")) {
        next.hidden = false;
        window.location.assign(next.getAttribute("href"));
      }
      return;
    }
    setTimeout(poll, 700);
  }
  poll();
})();
