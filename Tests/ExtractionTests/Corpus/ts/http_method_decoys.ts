// Sources (two front-end API helpers found with find_string; the index did not return their
// repository names):
//   a WBS service object: update() and delete()                 (index id 56762789521)
//   a course-registration page: removeCourse()                  (index id 36608294686)
// Adapted: the two excerpts are gathered in one module; code unchanged.
// A DECOY-ONLY file: it must produce no finding.
// Classes: decoys (HTTP method names 'DELETE', 'PUT', 'GET' as lone upper-case keywords;
//          REST paths such as `/api/wbs/${id}`; log messages "Unenrolling from course:",
//          "Unenrollment successful:"; a method named delete()).

export const wbsService = {
  async update(id: string, updates: Partial<WBSItem>, headers: any = {}): Promise<ServiceResponse<void>> {
    const res = await fetch(`/api/wbs/${id}`, {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(mapWBSToApi(updates)),
    });
    const json = await res.json();
    return { success: json.success, error: json.error };
  },

  async delete(id: string, headers: any = {}): Promise<ServiceResponse<void>> {
    const res = await fetch(`/api/wbs/${id}`, { method: 'DELETE', headers });
    const json = await res.json();
    return { success: json.success, error: json.error, metadata: json.metadata };
  }
};

// remove course from registered courses
export const removeCourse = async (courseCode) => {
  try {
    console.log('Unenrolling from course:', courseCode);

    // call API to unenroll from course
    const response = await fetch(`${API_URL}/student/unenroll-course`, {
      method: 'DELETE',
      credentials: 'include',
      headers: {
        'Content-Type': 'application/json'
      },
      body: JSON.stringify({ courseCode })
    });

    if (response.ok) {
      const result = await response.json();
      console.log('Unenrollment successful:', result);

      // refresh enrolled courses from API to get latest data
      const enrolledResponse = await fetch(`${API_URL}/student/enrolled-courses`, {
        method: 'GET',
        credentials: 'include',
        headers: {
          'Content-Type': 'application/json'
        }
      });
      return enrolledResponse.json();
    }
  } catch (error) {
    console.error('Error removing course:', error);
  }
};
